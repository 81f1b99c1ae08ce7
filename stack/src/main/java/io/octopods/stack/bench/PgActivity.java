package io.octopods.stack.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's own counters of checkpoints and WAL ({@code pg_stat_bgwriter}, or {@code
 * pg_stat_checkpointer} from version 17, and {@code pg_stat_wal}), read at two moments; their
 * difference says what a phase cost the server beyond the statements: checkpoints started, buffers
 * they wrote, WAL written and how much of it full-page images. Backends add to {@code pg_stat_wal}
 * about once a second; {@code walPosition} (the WAL insert position, in bytes) moves with every
 * record, so the WAL written in one second is read from it.
 */
record PgActivity(
    long checkpointsTimed,
    long checkpointsRequested,
    double checkpointWriteMs,
    double checkpointSyncMs,
    long buffersCheckpoint,
    long buffersBackend,
    long walRecords,
    long walFpi,
    long walBytes,
    long walBuffersFull,
    long walPosition) {

  private static final String UP_TO_16 =
      "SELECT b.checkpoints_timed, b.checkpoints_req, b.checkpoint_write_time, "
          + "b.checkpoint_sync_time, b.buffers_checkpoint, b.buffers_backend, w.wal_records, w.wal_fpi, w.wal_bytes, "
          + "w.wal_buffers_full, pg_current_wal_insert_lsn() - '0/0'::pg_lsn FROM pg_stat_bgwriter b, pg_stat_wal w";
  private static final String FROM_17 =
      "SELECT c.num_timed, c.num_requested, c.write_time, c.sync_time, "
          + "c.buffers_written, 0, w.wal_records, w.wal_fpi, w.wal_bytes, w.wal_buffers_full, "
          + "pg_current_wal_insert_lsn() - '0/0'::pg_lsn FROM pg_stat_checkpointer c, pg_stat_wal w";

  /** The counters now; null when this server has neither view (before version 14). */
  static PgActivity read(Connection c) {
    for (String sql : new String[] {UP_TO_16, FROM_17}) {
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(sql)) {
        rs.next();
        return new PgActivity(
            rs.getLong(1),
            rs.getLong(2),
            rs.getDouble(3),
            rs.getDouble(4),
            rs.getLong(5),
            rs.getLong(6),
            rs.getLong(7),
            rs.getLong(8),
            rs.getLong(9),
            rs.getLong(10),
            rs.getLong(11));
      } catch (SQLException e) {
        rollbackQuietly(c);
      }
    }
    return null;
  }

  private static void rollbackQuietly(Connection c) {
    try {
      if (!c.getAutoCommit()) {
        c.rollback();
      }
    } catch (SQLException e) {
      // nothing to undo
    }
  }

  PgActivity minus(PgActivity before) {
    return new PgActivity(
        checkpointsTimed - before.checkpointsTimed,
        checkpointsRequested - before.checkpointsRequested,
        checkpointWriteMs - before.checkpointWriteMs,
        checkpointSyncMs - before.checkpointSyncMs,
        buffersCheckpoint - before.buffersCheckpoint,
        buffersBackend - before.buffersBackend,
        walRecords - before.walRecords,
        walFpi - before.walFpi,
        walBytes - before.walBytes,
        walBuffersFull - before.walBuffersFull,
        walPosition - before.walPosition);
  }

  /** One line for a difference of two readings. */
  String describe() {
    return String.format(
        Locale.ROOT,
        "checkpoints started: %d timed, %d requested (WAL size); buffers written by "
            + "checkpoints %d (write %.1f s, sync %.1f s, counted as they finish), by backends %d; WAL %.0f MB in %d "
            + "records, %d full-page images (%.0f %% of the records), %d writes because WAL buffers were full",
        checkpointsTimed,
        checkpointsRequested,
        buffersCheckpoint,
        checkpointWriteMs / 1000,
        checkpointSyncMs / 1000,
        buffersBackend,
        walPosition / 1e6,
        walRecords,
        walFpi,
        walRecords == 0 ? 0 : 100.0 * walFpi / walRecords,
        walBuffersFull);
  }
}
