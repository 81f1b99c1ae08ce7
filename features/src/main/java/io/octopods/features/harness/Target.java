package io.octopods.features.harness;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What the harness drives, by URL only: the status service (with an API key of one workspace, and
 * optionally one of another workspace for the isolation checks) and the four simulators it is wired
 * to.
 *
 * @param service the service's base URL, e.g. {@code http://127.0.0.1:8080}
 * @param apiKey an API key of the workspace the scenarios use
 * @param otherApiKey an API key of a second workspace (I13), when known
 * @param simulators base URL per provider: {@code twilio}, {@code whatsapp}, {@code viber}, {@code
 *     hubspot}
 * @param intercomSecret the service's Intercom client secret, to sign Canvas Kit requests, when
 *     known
 * @param description how the target was chosen, for the report
 */
public record Target(
    String service,
    String apiKey,
    Optional<String> otherApiKey,
    Map<String, String> simulators,
    Optional<String> intercomSecret,
    String description) {

  /**
   * The longest the harness waits for one of the service's own timers (reconciliation) before it
   * skips.
   */
  public static final Duration LONGEST_TIMER_WAIT = Duration.ofSeconds(30);

  public String simulator(String provider) {
    String url = simulators.get(provider);
    if (url == null) {
      throw new IllegalArgumentException("no simulator for provider " + provider);
    }
    return url;
  }

  /**
   * The simulators' base URLs on one host, provider by provider from {@code portBase + 1}
   * (simulator.md).
   */
  public static Map<String, String> simulatorsAt(String host, int portBase) {
    return Map.of(
        "twilio",
        "http://" + host + ":" + (portBase + 1),
        "whatsapp",
        "http://" + host + ":" + (portBase + 2),
        "viber",
        "http://" + host + ":" + (portBase + 3),
        "hubspot",
        "http://" + host + ":" + (portBase + 4));
  }
}
