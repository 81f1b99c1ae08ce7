package io.octopods.simulator.capture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A capture read through its provider's reader: every callback with its status items, or why it
 * could not be read; the reports grouped by provider message; and notes on what is no report.
 */
final class CapturedReports {
  /**
   * One callback of the capture, read.
   *
   * @param unreadable why its body could not be read; empty when {@code reading} is there
   */
  record Read(
      int index,
      Capture.Callback callback,
      Arrival arrival,
      Optional<CallbackReader.Reading> reading,
      Optional<String> unreadable) {}

  private final List<Read> reads;
  private final Map<String, List<ReportedStatus>> byMessage = new LinkedHashMap<>();
  private final Map<String, Set<Arrival>> shared = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();

  private CapturedReports(List<Read> reads) {
    this.reads = List.copyOf(reads);
  }

  static CapturedReports of(Capture capture, CallbackReader reader) {
    List<Read> reads = new ArrayList<>();
    for (int i = 0; i < capture.callbacks().size(); i++) {
      Capture.Callback cb = capture.callbacks().get(i);
      Optional<String> contentType = cb.header("Content-Type");
      Arrival arrival =
          new Arrival(
              label(capture, i),
              cb.t(),
              cb.body(),
              contentType,
              cb.signature(),
              cb.upstreamStatus());
      try {
        reads.add(
            new Read(
                i,
                cb,
                arrival,
                Optional.of(reader.read(cb.body(), contentType)),
                Optional.empty()));
      } catch (IllegalArgumentException e) {
        reads.add(new Read(i, cb, arrival, Optional.empty(), Optional.of(e.getMessage())));
      }
    }
    CapturedReports r = new CapturedReports(reads);
    capture.problems().forEach(p -> r.notes.add("line " + p.line() + " skipped: " + p.what()));
    for (Read read : reads) {
      r.add(read);
    }
    return r;
  }

  private void add(Read read) {
    String label = read.arrival().label();
    if (read.reading().isEmpty()) {
      notes.add(label + " skipped: its body cannot be read (" + read.unreadable().get() + ")");
      return;
    }
    read.reading().get().skipped().forEach(s -> notes.add(label + ": " + s + "; skipped"));
    Set<String> ids = new LinkedHashSet<>();
    for (StatusItem item : read.reading().get().items()) {
      if (item.providerMessageId() == null) {
        notes.add(label + ": a '" + item.word() + "' item names no message; skipped");
        continue;
      }
      ids.add(item.providerMessageId());
      byMessage
          .computeIfAbsent(item.providerMessageId(), k -> new ArrayList<>())
          .add(new ReportedStatus(read.arrival(), item));
    }
    if (ids.size() > 1) {
      ids.forEach(id -> shared.computeIfAbsent(id, k -> new LinkedHashSet<>()).add(read.arrival()));
    }
  }

  /** The reports about each provider message, in the order the first of each arrived. */
  Map<String, List<ReportedStatus>> byMessage() {
    return byMessage;
  }

  /** Notes on the capture as a whole: bad lines, unreadable bodies, events that are no reports. */
  List<String> notes() {
    return List.copyOf(notes);
  }

  /** Notes on the callbacks that carried reports about this message and others. */
  List<String> sharedWith(String providerMessageId) {
    return shared.getOrDefault(providerMessageId, Set.of()).stream()
        .map(
            a ->
                a.label()
                    + " also carried reports about other messages, derived apart: "
                    + "replayed, it carries this message's only")
        .toList();
  }

  List<Read> reads() {
    return reads;
  }

  /** How notes and reports name a callback: its number, and its line when known. */
  static String label(Capture capture, int index) {
    int line = capture.lineOf(index);
    return "callback " + (index + 1) + (line > 0 ? " (line " + line + ")" : "");
  }
}
