package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the reports about one provider message, in arrival order, into scenario steps
 * (docs/simulator.md, "Scenarios from captures and from history"): one step per status item; {@code
 * at} from the provider's timestamps where it sends them, else from arrival; an identical body back
 * to back is a {@code repeat}; a resend after the receiver failed is the provider's retry, which
 * the simulator makes by itself; the other items of one WhatsApp notification are batched into the
 * first; a bad or missing signature is the step's {@code signature}.
 */
final class ScenarioSteps {
  /** Identical bodies this close together are one step repeated, not a step of their own. */
  static final Duration BACK_TO_BACK = Duration.ofSeconds(10);

  /** The steps, and what could not be carried over exactly. */
  record Steps(ArrayNode steps, List<String> notes) {}

  private record Delivery(Arrival arrival, List<StatusItem> items) {}

  private final CallbackReader reader;
  private final ArrayNode steps = Json.array();
  private final List<String> notes = new ArrayList<>();
  private Arrival previous;

  /** How far a provider's time may run ahead of the arrival it is stamped on (clock skew). */
  private static final Duration AHEAD = Duration.ofMinutes(1);

  /** Bodies the receiver did not answer with 2xx: the provider sends them again, later. */
  private final Map<String, Arrival> unanswered = new HashMap<>();

  private ObjectNode previousHead;
  private Duration lastAt;
  private Instant lastT;
  private Long anchorMillis;
  private Duration anchorAt;
  private long latestMillis = Long.MIN_VALUE;

  private ScenarioSteps(CallbackReader reader) {
    this.reader = reader;
  }

  /**
   * @param reports the reports about one message, in arrival order; items of one callback together
   * @param firstAt the {@code at} of the first step
   */
  static Steps of(CallbackReader reader, List<ReportedStatus> reports, Duration firstAt) {
    ScenarioSteps s = new ScenarioSteps(reader);
    for (Delivery d : deliveries(reports)) {
      s.add(d, firstAt);
    }
    return new Steps(s.steps, List.copyOf(s.notes));
  }

  private static List<Delivery> deliveries(List<ReportedStatus> reports) {
    List<Delivery> out = new ArrayList<>();
    for (ReportedStatus r : reports) {
      if (!out.isEmpty() && out.get(out.size() - 1).arrival() == r.arrival()) {
        out.get(out.size() - 1).items().add(r.item());
      } else {
        out.add(new Delivery(r.arrival(), new ArrayList<>(List.of(r.item()))));
      }
    }
    return out;
  }

  private void add(Delivery d, Duration firstAt) {
    Arrival a = d.arrival();
    Duration at;
    Arrival failed = unanswered.get(a.body());
    if (failed != null) {
      notes.add(
          a.label()
              + " is the provider's retry of "
              + failed.label()
              + " (the receiver answered "
              + (failed.upstreamStatus() == 0 ? "nothing" : String.valueOf(failed.upstreamStatus()))
              + "): not a step, the simulator retries by itself when the receiver fails");
      if (a.answered()) {
        unanswered.remove(a.body());
      }
      return;
    }
    if (!a.answered()) {
      unanswered.put(a.body(), a);
    }
    if (previous != null && a.body().equals(previous.body())) {
      Duration gap = nonNegative(Duration.between(previous.t(), a.t()));
      if (gap.compareTo(BACK_TO_BACK) <= 0) {
        previousHead.put("repeat", previousHead.path("repeat").asInt(1) + 1);
        previous = a;
        return;
      }
      at = lastAt.plus(nonNegative(Duration.between(lastT, a.t())));
      // a copy keeps the provider's time of the original: written as received, in fields
      d.items()
          .forEach(i -> i.providerTimestamp().ifPresent(ts -> i.fields().set("timestamp", ts)));
      notes.add(
          a.label()
              + " repeats "
              + previous.label()
              + " byte for byte "
              + DurationText.of(gap)
              + " later: a step of its own at "
              + DurationText.of(at)
              + (d.items().get(0).providerTimestamp().isPresent()
                  ? ", keeping the original's timestamp as written, in fields"
                  : ""));
    } else {
      at = at(d, firstAt);
    }
    ObjectNode head = null;
    StatusItem before = null;
    for (StatusItem item : d.items()) {
      ObjectNode step = steps.addObject();
      step.put("at", DurationText.of(at));
      step.put("status", item.word());
      item.error().ifPresent(e -> putError(step, e));
      if (head == null) {
        head = step;
        if ("invalid".equals(a.signature()) || "missing".equals(a.signature())) {
          step.put("signature", a.signature());
        }
        reader
            .stepContentType(a.body(), a.contentType())
            .ifPresent(t -> step.put("content_type", t));
      } else {
        String batch = batch(before, item);
        if ("status".equals(batch)) {
          step.put("batch", true);
        } else {
          step.put("batch", batch);
        }
        if (!item.providerMillis().equals(d.items().get(0).providerMillis())) {
          notes.add(
              a.label()
                  + ": the "
                  + item.word()
                  + " batched with "
                  + d.items().get(0).word()
                  + " has a timestamp of its own; replayed, it shares the first item's");
        }
      }
      if (!item.fields().isEmpty()) {
        step.set("fields", item.fields().deepCopy());
      }
      before = item;
    }
    previous = a;
    previousHead = head;
    lastAt = at;
    lastT = a.t();
  }

  /** The {@code at} of a delivery that is no copy of the one before. */
  private Duration at(Delivery d, Duration firstAt) {
    StatusItem head = d.items().get(0);
    Duration byArrival =
        lastAt == null
            ? firstAt
            : lastAt.plus(nonNegative(Duration.between(lastT, d.arrival().t())));
    if (head.providerMillis().isEmpty()) {
      return byArrival;
    }
    long millis = head.providerMillis().get();
    if (anchorMillis == null) {
      anchorMillis = millis;
      anchorAt = byArrival;
      latestMillis = millis;
      return byArrival;
    }
    Duration byTimestamp = anchorAt.plusMillis(millis - anchorMillis);
    if (byTimestamp.compareTo(byArrival.plus(AHEAD)) > 0) {
      // a time after the callback's own arrival is no time it happened: arrival places it
      head.fields().set("timestamp", head.providerTimestamp().orElseThrow());
      notes.add(
          d.arrival().label()
              + ": "
              + head.word()
              + " carries a timestamp "
              + DurationText.of(byTimestamp.minus(byArrival))
              + " after its arrival; it keeps its arrival's place (at "
              + DurationText.of(byArrival)
              + ") and its timestamp as written, in fields");
      return byArrival;
    }
    if (millis >= latestMillis) {
      latestMillis = millis;
      return byTimestamp.compareTo(lastAt) < 0 ? lastAt : byTimestamp;
    }
    // an earlier time than a step before it: arrival order wins, the time is kept as written
    head.fields().set("timestamp", head.providerTimestamp().orElseThrow());
    notes.add(
        d.arrival().label()
            + ": "
            + head.word()
            + " carries a timestamp earlier than a step before it; it keeps its place (at "
            + DurationText.of(lastAt)
            + ") and its timestamp as written, in fields");
    return lastAt;
  }

  private static String batch(StatusItem before, StatusItem item) {
    if (item.entry() != before.entry()) {
      return "entry";
    }
    return item.change() != before.change() ? "change" : "status";
  }

  private static void putError(ObjectNode step, String error) {
    if (error.matches("\\d{1,9}")) {
      step.put("error", Integer.parseInt(error));
    } else {
      step.put("error", error);
    }
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
