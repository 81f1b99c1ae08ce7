package io.octopods.simulator.core.payload;

import io.octopods.simulator.core.scenario.CallbackStep.Signature;
import java.util.Optional;

/** Which key a step's {@code signature} asks for. */
public final class Signing {
  /** The well-formed but wrong secret of {@code signature: invalid}. */
  public static final String WRONG_SECRET = "octopods-wrong-secret";

  private Signing() {}

  /** The key to sign with, or empty for {@code signature: missing}. */
  public static Optional<String> key(Signature mode, String secret) {
    return switch (mode) {
      case MISSING -> Optional.empty();
      case INVALID -> Optional.of(WRONG_SECRET);
      case VALID, PORT_VARIANT -> Optional.of(secret);
    };
  }
}
