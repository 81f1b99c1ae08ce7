package io.octopods.contracts;

import java.util.Objects;

/**
 * One interface of the catalog ({@link Interfaces#catalog()}): what reports list, also when it was
 * never exercised.
 *
 * @param name stable name used in reports, e.g. {@code public-api}, {@code hubspot-timeline-push}
 * @param provider {@code service}, {@code twilio}, {@code whatsapp}, {@code viber}, {@code
 *     hubspot}, {@code intercom} or {@code reach}
 * @param direction {@code inbound}, {@code outbound}, {@code callback} or {@code push} (see {@link
 *     Verdict})
 * @param contractFile the OpenAPI file that describes it, repository-relative, e.g. {@code
 *     contracts/service/openapi.yaml}
 */
public record InterfaceInfo(String name, String provider, String direction, String contractFile) {

  public InterfaceInfo {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(contractFile, "contractFile");
  }
}
