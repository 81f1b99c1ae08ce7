package io.octopods.stack.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Copies of the service's tables for the ceiling ({@code <prefix>_message}, {@code _history} with
 * its foreign key, {@code _outbox}; {@code LIKE ... INCLUDING ALL}, so the same columns and
 * indexes), made before the load: the ceiling's replay then finds every message as the service
 * found it and changes statuses as the service did.
 */
final class CeilingTables {
  static final String GROUPED = "ceiling_grouped";
  static final String SINGLE = "ceiling_single";

  private CeilingTables() {}

  /** Makes the copies under {@code prefix}; answers how many messages they hold. */
  static int copy(BenchStore store, String prefix) throws SQLException {
    try (Connection c = store.connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + prefix + "_message (LIKE message INCLUDING ALL)");
      s.execute("CREATE TABLE " + prefix + "_history (LIKE history INCLUDING ALL)");
      s.execute(
          "ALTER TABLE "
              + prefix
              + "_history ADD FOREIGN KEY (message_id) REFERENCES "
              + prefix
              + "_message (message_id)");
      s.execute("CREATE TABLE " + prefix + "_outbox (LIKE outbox INCLUDING ALL)");
      int n = s.executeUpdate("INSERT INTO " + prefix + "_message SELECT * FROM message");
      s.execute("ANALYZE " + prefix + "_message");
      return n;
    }
  }
}
