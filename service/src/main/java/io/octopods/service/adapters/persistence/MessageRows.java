package io.octopods.service.adapters.persistence;

import io.octopods.service.application.FailureReason;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The {@code message} table: its columns, and rows to and from {@link MessageRecord}. */
final class MessageRows {
  /** Statuses with a {@code reached_<status>} column, in column order. */
  static final List<Status> REACHED =
      List.of(
          Status.QUEUED,
          Status.UNKNOWN,
          Status.SENT,
          Status.DELIVERED,
          Status.READ,
          Status.DELETED,
          Status.FAILED);

  static final String COLUMNS =
      "message_id, workspace, channel, recipient, body, contact_email, provider, "
          + "provider_message_id, status, created_at, updated_at, failure_code, failure_title, failure_source, "
          + String.join(", ", REACHED.stream().map(MessageRows::reachedColumn).toList());

  private MessageRows() {}

  static String reachedColumn(Status s) {
    return "reached_" + s.name().toLowerCase(Locale.ROOT);
  }

  static String insertSql() {
    return "INSERT INTO message ("
        + COLUMNS
        + ") VALUES ("
        + "?, ".repeat(13 + REACHED.size())
        + "?)";
  }

  static String updateSql() {
    return "UPDATE message SET provider_message_id = ?, status = ?, updated_at = ?, failure_code = ?, "
        + "failure_title = ?, failure_source = ?, "
        + String.join(", ", REACHED.stream().map(s -> reachedColumn(s) + " = ?").toList())
        + " WHERE message_id = ?";
  }

  static void bindInsert(PreparedStatement ps, MessageRecord m) throws SQLException {
    ps.setString(1, m.messageId());
    ps.setString(2, m.workspace());
    ps.setString(3, m.channel().path());
    ps.setString(4, m.to());
    ps.setString(5, m.body());
    Sql.text(ps, 6, m.contactEmail());
    ps.setString(7, m.provider());
    Sql.text(ps, 8, m.providerMessageId());
    ps.setString(9, m.status().name());
    Sql.instant(ps, 10, m.createdAt());
    Sql.instant(ps, 11, m.updatedAt());
    bindFailure(ps, 12, m.failure());
    bindReached(ps, 15, m.reached());
  }

  static void bindUpdate(PreparedStatement ps, MessageRecord m) throws SQLException {
    Sql.text(ps, 1, m.providerMessageId());
    ps.setString(2, m.status().name());
    Sql.instant(ps, 3, m.updatedAt());
    bindFailure(ps, 4, m.failure());
    bindReached(ps, 7, m.reached());
    ps.setString(7 + REACHED.size(), m.messageId());
  }

  private static void bindFailure(PreparedStatement ps, int first, Optional<FailureReason> f)
      throws SQLException {
    ps.setString(first, f.map(FailureReason::code).orElse(null));
    ps.setString(first + 1, f.map(FailureReason::title).orElse(null));
    ps.setString(first + 2, f.map(FailureReason::source).orElse(null));
  }

  private static void bindReached(PreparedStatement ps, int first, Map<Status, Instant> reached)
      throws SQLException {
    for (int i = 0; i < REACHED.size(); i++) {
      Sql.instant(ps, first + i, reached.get(REACHED.get(i)));
    }
  }

  static MessageRecord read(ResultSet rs) throws SQLException {
    Map<Status, Instant> reached = new EnumMap<>(Status.class);
    for (Status s : REACHED) {
      Instant at = Sql.instant(rs, reachedColumn(s));
      if (at != null) {
        reached.put(s, at);
      }
    }
    String source = rs.getString("failure_source");
    Optional<FailureReason> failure =
        source == null
            ? Optional.empty()
            : Optional.of(
                new FailureReason(
                    rs.getString("failure_code"), rs.getString("failure_title"), source));
    return new MessageRecord(
        rs.getString("message_id"),
        rs.getString("workspace"),
        Channel.fromPath(rs.getString("channel")).orElseThrow(),
        rs.getString("recipient"),
        rs.getString("body"),
        Sql.optionalText(rs, "contact_email"),
        Sql.optionalText(rs, "provider_message_id"),
        Status.valueOf(rs.getString("status")),
        Sql.instant(rs, "created_at"),
        Sql.instant(rs, "updated_at"),
        failure,
        reached);
  }
}
