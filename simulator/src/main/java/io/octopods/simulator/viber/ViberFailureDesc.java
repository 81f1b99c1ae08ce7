package io.octopods.simulator.viber;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code desc} of a {@code failed} receipt read back into the scenario {@code error} that makes
 * the simulator write it: a status code for its description ("... (11)"), the text itself for any
 * other description, nothing for the text of a failed step that names no error.
 */
public final class ViberFailureDesc {
  private ViberFailureDesc() {}

  /** The {@code error} of a step whose receipt carries {@code desc}. */
  public static Optional<String> errorOf(String desc) {
    if (desc == null || ViberCallbacks.FAILED_WITHOUT_ERROR.equals(desc)) {
      return Optional.empty();
    }
    return statusCode(desc).map(String::valueOf).or(() -> Optional.of(desc));
  }

  /** Whether {@code desc} is the description of a status code the simulator knows. */
  public static boolean known(String desc) {
    return desc != null
        && (ViberCallbacks.FAILED_WITHOUT_ERROR.equals(desc) || statusCode(desc).isPresent());
  }

  private static Optional<Integer> statusCode(String desc) {
    return Arrays.stream(ViberStatus.values())
        .map(ViberStatus::code)
        .filter(code -> ViberStatus.description(code).equals(desc))
        .findFirst();
  }
}
