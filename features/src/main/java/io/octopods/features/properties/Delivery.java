package io.octopods.features.properties;

/**
 * How the simulator delivers one callback step: signed as the provider signs it, signed with the
 * wrong secret, unsigned, or not at all ({@code drop: true}). Only validly signed deliveries may
 * change a message (I12).
 */
public enum Delivery {
  VALID(""),
  INVALID_SIGNATURE("    signature: invalid\n"),
  MISSING_SIGNATURE("    signature: missing\n"),
  DROPPED("    drop: true\n");

  private final String yaml;

  Delivery(String yaml) {
    this.yaml = yaml;
  }

  /** The step's lines in the scenario format (none for the default). */
  String yaml() {
    return yaml;
  }

  /** Does the service get this callback with a signature it must accept? */
  public boolean authentic() {
    return this == VALID;
  }

  /** Is it sent with a signature the service must refuse with 401? */
  public boolean badlySigned() {
    return this == INVALID_SIGNATURE || this == MISSING_SIGNATURE;
  }
}
