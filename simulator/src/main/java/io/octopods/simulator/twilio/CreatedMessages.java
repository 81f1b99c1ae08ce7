package io.octopods.simulator.twilio;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The messages Twilio created (a send attempt it accepted, whatever it answered; refused attempts
 * create none), by SID, with their account and the instant their script started: what fetch and
 * list can see.
 */
final class CreatedMessages {
  /**
   * @param origin where the scenario's {@code at} counts from
   */
  record Created(TwilioAccount account, Instant origin) {}

  private final Map<String, Created> bySid = new ConcurrentHashMap<>();

  void created(String sid, TwilioAccount account, Instant origin) {
    bySid.putIfAbsent(sid, new Created(account, origin));
  }

  Optional<Created> find(String sid) {
    return Optional.ofNullable(bySid.get(sid));
  }

  void reset() {
    bySid.clear();
  }
}
