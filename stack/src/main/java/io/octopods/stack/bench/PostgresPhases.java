package io.octopods.stack.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * What PostgreSQL and the service's GC did in a phase, beside its figures: the server's checkpoint
 * and WAL counters ({@link PgActivity}) read on the bench's own connection before and after, the
 * service's GC pauses in the phase, and for the steady phase the tail report ({@link TailReport})
 * with the checkpoints of the server log and the HubSpot calls.
 */
final class PostgresPhases {
  private final Connection connection;
  private final Path gcLog;
  private final boolean databaseLocal;

  PostgresPhases(Connection connection, Path gcLog, boolean databaseLocal) {
    this.connection = connection;
    this.gcLog = gcLog;
    this.databaseLocal = databaseLocal;
  }

  PgActivity counters() {
    return PgActivity.read(connection);
  }

  /**
   * A line to put under a phase: PostgreSQL's counters since {@code before}, and the service's GC
   * pauses within {@code [fromWallMs, toWallMs)} (left out when {@code fromWallMs} is negative).
   */
  String line(String phase, PgActivity before, long fromWallMs, long toWallMs) {
    PgActivity after = counters();
    String pg =
        before == null || after == null
            ? "PostgreSQL's counters not readable"
            : "PostgreSQL: " + after.minus(before).describe();
    String gc =
        fromWallMs < 0
            ? ""
            : "; service GC: " + GcLog.read(gcLog).within(fromWallMs, toWallMs).describe();
    return "\n    " + phase + ": " + pg + gc;
  }

  List<String> tailReport(PhaseResult phase, TailProbe.Evidence evidence, HubSpotEvents hubspot) {
    Optional<Path> serverLog = databaseLocal ? PostgresLog.find(connection) : Optional.empty();
    return new TailReport(
            phase,
            evidence,
            GcLog.read(gcLog),
            serverLog.map(PostgresLog::read).orElse(null),
            serverLog
                .map(Path::toString)
                .orElse(databaseLocal ? "not readable by this user" : "not on this machine"),
            hubspot)
        .lines();
  }
}
