package io.octopods.features.properties;

/**
 * One step of {@code callbacks[]}: the provider's word, when it fires (milliseconds on the scenario
 * clock from the accepted send), how many identical copies are sent, the provider's error (null:
 * none) and how it is delivered.
 */
public record CallbackStep(String word, int atMillis, int repeat, String error, Delivery delivery) {

  public CallbackStep {
    if (atMillis < 0 || repeat < 1 || word == null || word.isBlank()) {
      throw new IllegalArgumentException(
          "not a callback step: " + word + " at " + atMillis + " x" + repeat);
    }
  }

  /** The step in the scenario format, as an item of {@code callbacks:}. */
  String yaml() {
    StringBuilder y =
        new StringBuilder("  - at: ")
            .append(duration(atMillis))
            .append('\n')
            .append("    status: ")
            .append(word)
            .append('\n');
    if (repeat > 1) {
      y.append("    repeat: ").append(repeat).append('\n');
    }
    if (error != null) {
      y.append("    error: ")
          .append(error.matches("\\d+") ? error : '"' + error.replace("\"", "'") + '"')
          .append('\n');
    }
    return y.append(delivery.yaml()).toString();
  }

  /** {@code 2s}, {@code 1300ms}, {@code 0ms}: the format's durations. */
  static String duration(int millis) {
    return millis > 0 && millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /** Short, for descriptions and messages: {@code delivered@1300ms x2 (invalid signature)}. */
  String summary() {
    return word
        + "@"
        + duration(atMillis)
        + (repeat > 1 ? " x" + repeat : "")
        + (delivery == Delivery.VALID
            ? ""
            : " (" + delivery.name().toLowerCase().replace('_', ' ') + ")");
  }
}
