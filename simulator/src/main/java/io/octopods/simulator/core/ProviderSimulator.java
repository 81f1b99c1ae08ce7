package io.octopods.simulator.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.callbacks.CallbackFormat;
import io.octopods.simulator.core.callbacks.CallbackTargets;
import io.octopods.simulator.core.http.Route;
import java.util.List;
import java.util.Optional;

/**
 * One simulated provider: its wire routes, its credentials, and (for the messaging providers) how
 * its callbacks look. The core never names a provider; the registry lists them.
 */
public interface ProviderSimulator {
  /** {@code twilio}, {@code whatsapp}, {@code viber}, {@code hubspot}: the same name everywhere. */
  String name();

  /** The provider's own routes, answered in its own dialect. */
  List<Route> routes();

  /**
   * {@code credentials} of {@code /__sim/info}: what a client configures to call this simulator.
   */
  ObjectNode credentials();

  /**
   * {@code test_credentials} of {@code /__sim/info} (Twilio's test account; empty object
   * elsewhere).
   */
  default ObjectNode testCredentials() {
    return Json.object();
  }

  /** The secret callbacks are signed with (or null where there are no callbacks). */
  String signingSecret();

  /**
   * How this provider's callbacks are rendered; empty for providers that play no scenarios
   * (HubSpot).
   */
  default Optional<CallbackFormat> callbacks() {
    return Optional.empty();
  }

  /**
   * Checks a webhook setting before it is kept (WhatsApp runs Meta's handshake); throws {@link
   * IllegalArgumentException} with what failed.
   */
  default void verifyWebhook(CallbackTargets.Webhook webhook) {}

  /** Forgets provider-specific state (HubSpot timelines and limits). */
  default void reset() {}
}
