package io.octopods.service.adapters.surfaces.hubspot;

import java.time.Duration;
import java.util.Optional;

/** What became of one timeline event push. */
public sealed interface PushOutcome {
  /** HubSpot has the event: created now ({@code 201}), or it was there already ({@code 409}, a retry). */
  record Pushed(int status) implements PushOutcome {
    public boolean alreadyThere() {
      return status == 409;
    }
  }

  /**
   * Not stored, try again later: {@code 429}, {@code 5xx}, {@code 401}/{@code 403}/{@code 408}, no connection, no
   * answer in time. Retrying is safe: the event id makes a second create a {@code 409}.
   *
   * @param asked how long HubSpot asked us to wait ({@code Retry-After}, or its rate-limit headers), if it said
   * @param rateLimited true for a {@code 429}: the whole account is over its limit, not only this event
   */
  record Retry(String why, Optional<Duration> asked, boolean rateLimited) implements PushOutcome {}

  /** HubSpot refuses this event for good (another {@code 4xx}): sending it again would get the same answer. */
  record Rejected(int status, String why) implements PushOutcome {}
}
