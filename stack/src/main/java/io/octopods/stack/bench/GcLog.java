package io.octopods.stack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service JVM's GC log ({@code -Xlog:gc*:file=...:utctime,uptime,level,tags}): its
 * stop-the-world pauses, each with the wall time it ended at, so that they can be put beside a
 * phase or one second of it.
 */
final class GcLog {
  /** The JVM option that writes the log this class reads. */
  static String option(Path file) {
    return "-Xlog:gc*:file=" + file + ":utctime,uptime,level,tags:filecount=0";
  }

  /**
   * G1's and Parallel's pauses ({@code [gc]}, with the heap's change) and ZGC's ({@code
   * [gc,phases]}, without).
   */
  private static final Pattern PAUSE =
      Pattern.compile(
          "^\\[([^\\]]+)\\].*\\[gc\\s*\\] GC\\(\\d+\\) (Pause [^()]*?)\\s*(?:\\(.*\\))?\\s+\\S+->\\S+ ([0-9.]+)ms\\s*$");

  private static final Pattern PAUSE_NO_HEAP =
      Pattern.compile(
          "^\\[([^\\]]+)\\].*\\[gc(?:,phases)?\\s*\\] GC\\(\\d+\\) (Pause [^()]*?)\\s*(?:\\(.*\\))?\\s+([0-9.]+)ms\\s*$");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  /**
   * One pause: when it ended (epoch ms), its kind ({@code Pause Young}, {@code Pause Remark}...)
   * and length.
   */
  record Pause(long endMs, String kind, double ms) {
    long startMs() {
      return endMs - (long) Math.ceil(ms);
    }
  }

  /** The pauses that overlap a span: how many, their total and the longest, in milliseconds. */
  record Pauses(int count, double totalMs, double maxMs) {
    String describe() {
      return count == 0
          ? "no pause"
          : String.format(
              Locale.ROOT, "%d pauses, %.1f ms in all, longest %.1f ms", count, totalMs, maxMs);
    }
  }

  private final List<Pause> pauses;

  GcLog(List<Pause> pauses) {
    this.pauses = List.copyOf(pauses);
  }

  /** The log as it stands; empty when it cannot be read. */
  static GcLog read(Path file) {
    try {
      return new GcLog(parse(Files.readAllLines(file)));
    } catch (IOException e) {
      return new GcLog(List.of());
    }
  }

  static List<Pause> parse(List<String> lines) {
    List<Pause> found = new ArrayList<>();
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (!m.matches()) {
        m = PAUSE_NO_HEAP.matcher(line);
        if (!m.matches()) {
          continue;
        }
      }
      long end = OffsetDateTime.parse(m.group(1), TIME).toInstant().toEpochMilli();
      found.add(new Pause(end, m.group(2).trim(), Double.parseDouble(m.group(3))));
    }
    return found;
  }

  List<Pause> pauses() {
    return pauses;
  }

  /** The pauses overlapping {@code [fromMs, toMs)}. */
  Pauses within(long fromMs, long toMs) {
    int count = 0;
    double total = 0;
    double max = 0;
    for (Pause p : pauses) {
      if (p.endMs() >= fromMs && p.startMs() < toMs) {
        count++;
        total += p.ms();
        max = Math.max(max, p.ms());
      }
    }
    return new Pauses(count, total, max);
  }
}
