package io.octopods.service.adapters.surfaces.hubspot;

import java.time.Duration;
import java.util.Optional;

/** What became of one timeline event in a push. */
public sealed interface PushOutcome {
  /**
   * HubSpot has the event: created now ({@code 201}), or it was there already ({@code 409}, a
   * retry).
   */
  record Pushed(int status) implements PushOutcome {
    public boolean alreadyThere() {
      return status == 409;
    }
  }

  /**
   * Not stored, try again later: {@code 401}/{@code 403} (a configuration problem), {@code 408},
   * {@code 429}, {@code 5xx}, no connection, no answer in time, or an answer that says nothing of
   * this event. Retrying is safe: the event id makes a second create a {@code 409}.
   *
   * @param asked how long HubSpot asked us to wait ({@code Retry-After}, or its rate-limit
   *     headers), if it said
   * @param rateLimited true for a {@code 429}: the whole account is over its limit, not only this
   *     event
   */
  record Retry(String why, Optional<Duration> asked, boolean rateLimited) implements PushOutcome {}

  /**
   * HubSpot refuses this event for good ({@code 400}, {@code 404} and other {@code 4xx}): sending
   * it again would get the same answer, so it becomes a dead letter, kept with HubSpot's answer.
   *
   * @param body HubSpot's answer for this event: the call's body, or the event's error within a
   *     {@code 207}
   */
  record Refused(int status, String body, String why) implements PushOutcome {}
}
