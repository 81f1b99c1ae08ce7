package io.octopods.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checkpoints in the local PostgreSQL's server log ({@code log_checkpoints}, on by default
 * since version 15): each {@code checkpoint starting: <why>} paired with its {@code checkpoint
 * complete: ...}. The log is where the logging collector writes it ({@code pg_current_logfile()})
 * or, without it, where Debian's {@code pg_ctlcluster} sends the server's output ({@code
 * /var/log/postgresql/postgresql-<version>-<cluster>.log}).
 */
final class PostgresLog {
  private static final Pattern LINE =
      Pattern.compile(
          "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?) (\\S+) "
              + ".*?LOG:\\s+checkpoint (starting|complete): (.*)$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

  /**
   * One checkpoint: when it started and completed (epoch ms; -1 when the log does not say), why,
   * what it did.
   */
  record Checkpoint(long startMs, long endMs, String why, String complete) {
    boolean overlaps(long fromMs, long toMs) {
      return (startMs < 0 || startMs < toMs) && (endMs < 0 || endMs >= fromMs);
    }
  }

  private PostgresLog() {}

  /** The server log's file, when this process can read it. */
  static Optional<Path> find(Connection c) {
    List<Path> candidates = new ArrayList<>();
    try (Statement s = c.createStatement()) {
      String dataDir = one(s, "SHOW data_directory");
      String current = one(s, "SELECT pg_current_logfile()");
      if (current != null) {
        candidates.add(Path.of(dataDir).resolve(current));
      }
      String cluster = one(s, "SHOW cluster_name");
      if (cluster != null && !cluster.isBlank()) {
        candidates.add(
            Path.of("/var/log/postgresql", "postgresql-" + cluster.replace('/', '-') + ".log"));
      }
    } catch (SQLException e) {
      return Optional.empty();
    }
    return candidates.stream().filter(Files::isReadable).findFirst();
  }

  private static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  static List<Checkpoint> read(Path file) {
    try {
      return parse(Files.readAllLines(file));
    } catch (IOException | java.io.UncheckedIOException e) {
      return List.of();
    }
  }

  static List<Checkpoint> parse(List<String> lines) {
    List<Checkpoint> found = new ArrayList<>();
    long start = -1;
    String why = "";
    for (String line : lines) {
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      long at =
          LocalDateTime.parse(m.group(1), TIME).atZone(zone(m.group(2))).toInstant().toEpochMilli();
      if (m.group(3).equals("starting")) {
        if (start >= 0) {
          found.add(new Checkpoint(start, -1, why, ""));
        }
        start = at;
        why = m.group(4).trim();
      } else {
        found.add(new Checkpoint(start, at, why, m.group(4).trim()));
        start = -1;
        why = "";
      }
    }
    if (start >= 0) {
      found.add(new Checkpoint(start, -1, why, ""));
    }
    return found;
  }

  private static ZoneId zone(String name) {
    try {
      return ZoneId.of(name, ZoneId.SHORT_IDS);
    } catch (RuntimeException e) {
      return ZoneId.systemDefault();
    }
  }
}
