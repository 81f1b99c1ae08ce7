package io.octopods.contracts;

import java.util.List;
import java.util.Objects;

/**
 * Which interface an exchange belongs to and what it breached.
 *
 * @param interfaceName the interface, e.g. {@code public-api}, {@code webhook-whatsapp}, {@code
 *     twilio-send}; {@code unknown} when no contract describes the exchange
 * @param provider {@code service}, {@code twilio}, {@code whatsapp}, {@code viber}, {@code
 *     hubspot}, {@code intercom} or {@code reach}
 * @param direction {@code inbound} (called on the status service), {@code outbound} (the service
 *     calls a provider), {@code callback} (a provider calls the service's webhook) or {@code push}
 *     (the service pushes to HubSpot)
 * @param contractFile the interface's contract, repository-relative, e.g. {@code
 *     contracts/service/openapi.yaml}
 * @param breaches what the exchange breached; each names its contract file (repository-relative)
 *     and a JSON Pointer into the body checked; empty when the exchange conforms
 */
public record Verdict(
    String interfaceName,
    String provider,
    String direction,
    String contractFile,
    List<ContractBreach> breaches) {

  public Verdict {
    Objects.requireNonNull(interfaceName, "interfaceName");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(contractFile, "contractFile");
    breaches = List.copyOf(breaches);
  }

  /** True when the exchange breached nothing. */
  public boolean conforms() {
    return breaches.isEmpty();
  }

  /** The interface without the breaches. */
  public InterfaceInfo info() {
    return new InterfaceInfo(interfaceName, provider, direction, contractFile);
  }
}
