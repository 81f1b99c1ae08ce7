package io.octopods.simulator.hubspot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The contacts whose events HubSpot refuses ({@code POST /__sim/hubspot/refusals}): by email,
 * compared case-insensitively, each with the status it is refused with ({@code 400} or {@code
 * 404}), until lifted. An event is matched by its {@code email}. Thread-safe: the service's pusher
 * may post concurrently.
 */
final class HubSpotRefusals {
  static final List<Integer> STATUSES = List.of(400, 404);

  /** One refused contact: the email as it was set, and the status its events are refused with. */
  record Refusal(String email, int status) {}

  private final Map<String, Refusal> byEmail = new LinkedHashMap<>();

  /** Refuses the contact's events from now on; a contact refused already takes the new status. */
  synchronized void refuse(String email, int status) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("status must be 400 or 404, not " + status);
    }
    byEmail.put(key(email), new Refusal(email, status));
  }

  /** Throws HubSpot's refusal when the event's contact is refused. */
  synchronized void check(TimelineEvent event) {
    if (event.email() == null) {
      return;
    }
    Refusal refusal = byEmail.get(key(event.email()));
    if (refusal != null) {
      throw refused(event, refusal);
    }
  }

  /** The refused contacts, in the order they were first refused. */
  synchronized List<Refusal> list() {
    return List.copyOf(byEmail.values());
  }

  synchronized void reset() {
    byEmail.clear();
  }

  private static HubSpotErrors.Refused refused(TimelineEvent event, Refusal refusal) {
    String category = refusal.status() == 404 ? HubSpotErrors.NOT_FOUND : HubSpotErrors.VALIDATION;
    String message =
        "The event '"
            + event.id()
            + "' for contact "
            + event.email()
            + " was refused with HTTP "
            + refusal.status()
            + " ("
            + category
            + ") by POST "
            + "/__sim/hubspot/refusals; nothing was stored. DELETE /__sim/hubspot/refusals (or POST /__sim/reset) lifts it.";
    return new HubSpotErrors.Refused(refusal.status(), HubSpotErrors.error(message, category));
  }

  private static String key(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
