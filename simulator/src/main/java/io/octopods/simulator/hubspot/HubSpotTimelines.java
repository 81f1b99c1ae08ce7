package io.octopods.simulator.hubspot;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The timeline events received, in arrival order, and the contacts they went to. A contact named
 * only by email is given an object id (as HubSpot resolves the record), so it can be read by
 * either. Thread-safe: the service's pusher may post concurrently.
 */
final class HubSpotTimelines {
  private static final long FIRST_CONTACT_ID = 28001;

  private final Map<String, TimelineEvent> events = new LinkedHashMap<>();
  private final Map<String, String> contactIds = new HashMap<>();
  private long nextContactId = FIRST_CONTACT_ID;

  /** Stores the event under its id; empty (and nothing stored) when the id is known already. */
  synchronized Optional<TimelineEvent> add(TimelineEvent event) {
    if (events.containsKey(event.id())) {
      return Optional.empty();
    }
    TimelineEvent stored = event.withObjectId(contactId(event));
    events.put(stored.id(), stored);
    return Optional.of(stored);
  }

  synchronized Optional<TimelineEvent> find(String eventTemplateId, String id) {
    return Optional.ofNullable(events.get(id))
        .filter(e -> e.eventTemplateId().equals(eventTemplateId));
  }

  /** The events of a contact named by email (case-insensitive), in the order received. */
  synchronized List<TimelineEvent> byEmail(String email) {
    return events.values().stream()
        .filter(e -> e.email() != null && e.email().equalsIgnoreCase(email))
        .toList();
  }

  /**
   * The events of a contact named by object id (also those sent by its email), in the order
   * received.
   */
  synchronized List<TimelineEvent> byObjectId(String objectId) {
    return events.values().stream().filter(e -> objectId.equals(e.objectId())).toList();
  }

  synchronized void reset() {
    events.clear();
    contactIds.clear();
    nextContactId = FIRST_CONTACT_ID;
  }

  private String contactId(TimelineEvent event) {
    if (event.email() == null) {
      return event.objectId();
    }
    String key = event.email().toLowerCase(Locale.ROOT);
    if (event.objectId() != null) {
      contactIds.putIfAbsent(key, event.objectId());
      return event.objectId();
    }
    return contactIds.computeIfAbsent(key, k -> String.valueOf(nextContactId++));
  }
}
