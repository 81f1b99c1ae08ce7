package io.octopods.features.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The expected outcome of a generated scenario, computed from its steps alone with the rules of
 * status-model.md (section 2, section 4) and of simulator.md, and without the service's code: the
 * oracle the end-to-end properties compare the service with.
 *
 * <ul>
 *   <li>The send: an accepted send (at once or after throttling / a server error) makes the message
 *       SENT; a rejected one, or one throttled until the service gives up, makes it FAILED, and
 *       then no callback is ever played (the simulator schedules callbacks from the first accepted
 *       attempt only).
 *   <li>Callbacks arrive in the order of {@code at} (stable for equal times), each {@code repeat}
 *       times.
 *   <li>Only validly signed, not dropped copies reach the message (I12); each is one history event.
 *   <li>A word maps per section 4 (an SMS {@code read} and a Viber {@code seen} to DELIVERED); an
 *       unmapped word is recorded as {@code unmapped} and changes nothing (the message is past
 *       QUEUED here).
 *   <li>A report is applied only if it moves the message forward: into the delivered family to a
 *       higher rank, into FAILED from QUEUED/UNKNOWN/SENT, to SENT from QUEUED/UNKNOWN. Otherwise
 *       the reason is the first that fits of conflict, channel, duplicate, stale.
 * </ul>
 */
public final class StatusOracle {
  private static final Map<String, Integer> RANK =
      Map.of("QUEUED", 0, "UNKNOWN", 1, "SENT", 2, "DELIVERED", 3, "READ", 4, "DELETED", 5);
  private static final Set<String> DELIVERED_FAMILY = Set.of("DELIVERED", "READ", "DELETED");

  private StatusOracle() {}

  public static Expectation expect(GeneratedScenario scenario) {
    String provider = scenario.provider();
    String current = scenario.send().accepted() ? "SENT" : "FAILED";
    List<String> trail = new ArrayList<>(List.of("UNKNOWN", current));
    List<ExpectedEvent> events = new ArrayList<>();
    boolean failure = false;
    boolean delivery = false;
    if (!scenario.send().accepted()) {
      return new Expectation(current, events, trail, false);
    }
    for (CallbackStep step : scenario.callbacks()) {
      if (!step.delivery().authentic()) {
        continue;
      }
      String mapped = ProviderWords.mapped(provider, step.word());
      failure |= "FAILED".equals(mapped);
      delivery |= mapped != null && DELIVERED_FAMILY.contains(mapped);
      for (int copy = 0; copy < step.repeat(); copy++) {
        if (mapped == null) {
          events.add(new ExpectedEvent(step.word(), null, false, "unmapped"));
        } else if (applies(mapped, current)) {
          events.add(new ExpectedEvent(step.word(), mapped, true, null));
          current = mapped;
          trail.add(mapped);
        } else {
          events.add(
              new ExpectedEvent(
                  step.word(), mapped, false, reason(provider, step.word(), mapped, current)));
        }
      }
    }
    return new Expectation(current, events, trail, failure && delivery);
  }

  /** Section 2: does a report of {@code mapped} move a message that is {@code current} forward? */
  static boolean applies(String mapped, String current) {
    if (DELIVERED_FAMILY.contains(mapped)) {
      return !"FAILED".equals(current) && RANK.get(mapped) > RANK.get(current);
    }
    return switch (mapped) {
      case "FAILED" -> Set.of("QUEUED", "UNKNOWN", "SENT").contains(current);
      case "SENT" -> Set.of("QUEUED", "UNKNOWN").contains(current);
      default -> false;
    };
  }

  /** Section 2: why a mapped report is not applied, the first that fits. */
  static String reason(String provider, String word, String mapped, String current) {
    boolean failedNow = "FAILED".equals(current);
    if ((DELIVERED_FAMILY.contains(mapped) && failedNow)
        || ("FAILED".equals(mapped) && DELIVERED_FAMILY.contains(current))) {
      return "conflict";
    }
    if (ProviderWords.channelProof(provider, word)) {
      return "channel";
    }
    return mapped.equals(current) ? "duplicate" : "stale";
  }
}
