package io.octopods.stack.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line of {@code /proc/<pid>/stat}: the process's name and its CPU time in clock ticks, its own
 * ({@code utime + stime}) and that of the children it has reaped ({@code cutime + cstime}).
 *
 * @param startTicks when the process started, so that a reused pid is not taken for the process it
 *     replaced
 */
record ProcStat(
    long pid, String comm, long ppid, long ownTicks, long reapedTicks, long startTicks) {
  /** Linux reports CPU times in USER_HZ, 100 per second on every architecture it runs on. */
  static final double MS_PER_TICK = 10.0;

  /** Parses a stat line; the name sits in parentheses and may itself hold spaces or parentheses. */
  static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + line);
    }
    String[] f = line.substring(close + 2).trim().split("\\s+"); // f[0] is field 3 (state)
    long utime = Long.parseLong(f[11]);
    long stime = Long.parseLong(f[12]);
    long cutime = Long.parseLong(f[13]);
    long cstime = Long.parseLong(f[14]);
    return new ProcStat(
        Long.parseLong(line.substring(0, open).trim()),
        line.substring(open + 1, close),
        Long.parseLong(f[1]),
        utime + stime,
        cutime + cstime,
        Long.parseLong(f[19]));
  }

  /** The process's stat, empty when it is gone or /proc is not there. */
  static Optional<ProcStat> of(long pid) {
    try {
      return Optional.of(parse(Files.readString(Path.of("/proc", String.valueOf(pid), "stat"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Every process named {@code comm} (as the kernel knows it, whatever its title says). */
  static List<ProcStat> named(String comm) {
    List<ProcStat> found = new ArrayList<>();
    try (DirectoryStream<Path> dirs =
        Files.newDirectoryStream(
            Path.of("/proc"),
            p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path dir : dirs) {
        try {
          ProcStat s = parse(Files.readString(dir.resolve("stat")));
          if (s.comm().equals(comm)) {
            found.add(s);
          }
        } catch (IOException | RuntimeException e) {
          // ended while being read
        }
      }
    } catch (IOException e) {
      return List.of();
    }
    return found;
  }
}
