package io.octopods.service.adapters.persistence;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.SurfaceQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link SurfaceQueries} on the {@code message} table, PostgreSQL or the embedded H2, the same SQL.
 */
public final class JdbcSurfaceQueries implements SurfaceQueries {
  private static final String NEWEST_FIRST = " ORDER BY created_at DESC, message_id DESC LIMIT ?";

  private final JdbcMessageStore store;

  public JdbcSurfaceQueries(JdbcMessageStore store) {
    this.store = store;
  }

  @Override
  public List<MessageRecord> byContactEmail(String workspace, String email, int limit) {
    return select(
        "LOWER(contact_email) = ?", workspace, email.trim().toLowerCase(Locale.ROOT), limit);
  }

  @Override
  public List<MessageRecord> byRecipient(String workspace, String phone, int limit) {
    return select("recipient = ?", workspace, phone.trim(), limit);
  }

  private List<MessageRecord> select(String condition, String workspace, String value, int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
    }
    String sql =
        "SELECT "
            + MessageRows.COLUMNS
            + " FROM message WHERE workspace = ? AND "
            + condition
            + NEWEST_FIRST;
    return store.read(
        tx -> {
          List<MessageRecord> found = new ArrayList<>();
          tx.query(
              sql,
              ps -> {
                ps.setString(1, workspace);
                ps.setString(2, value);
                ps.setInt(3, limit);
              },
              rs -> found.add(MessageRows.read(rs)));
          return found;
        });
  }
}
