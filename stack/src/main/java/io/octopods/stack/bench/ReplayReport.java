package io.octopods.stack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A report the service applied, as its history row keeps it, to be applied again by the ceiling:
 * the message, what the provider said, the public status it maps to (null when unmapped), and the
 * raw payload, so the ceiling writes rows of the same size.
 */
record ReplayReport(
    String messageId,
    String providerStatus,
    Timestamp providerTimestamp,
    String mappedStatus,
    String errorCode,
    String errorTitle,
    String raw) {

  /**
   * The callback reports the service received in {@code [fromMs, toMs)}, grouped by the transaction
   * that stored them ({@code xmin}: group commit stores a group in one), groups in the order their
   * first report was stored.
   */
  static List<List<ReplayReport>> groupsReceived(Connection c, long fromMs, long toMs)
      throws SQLException {
    record Row(long transaction, ReplayReport report) {}
    List<Row> rows = new ArrayList<>();
    c.setAutoCommit(false);
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT xmin::text::bigint, message_id, provider_status, "
                + "provider_timestamp, mapped_status, error_code, error_title, raw_payload FROM history "
                + "WHERE source = 'callback' AND received_at >= ? AND received_at < ? ORDER BY seq")) {
      ps.setFetchSize(5_000);
      ps.setTimestamp(1, new Timestamp(fromMs));
      ps.setTimestamp(2, new Timestamp(toMs));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getLong(1),
                  new ReplayReport(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getTimestamp(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getString(7),
                      rs.getString(8))));
        }
      }
    } finally {
      c.commit();
      c.setAutoCommit(true);
    }
    return GroupSizes.byTransaction(rows, Row::transaction).stream()
        .map(g -> g.stream().map(Row::report).toList())
        .toList();
  }
}
