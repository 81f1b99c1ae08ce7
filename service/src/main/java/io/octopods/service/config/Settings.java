package io.octopods.service.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads settings: flags beat environment variables, which beat defaults. */
final class Settings {
  private final Map<String, String> flags;
  private final Function<String, String> env;

  Settings(Map<String, String> flags, Function<String, String> env) {
    this.flags = flags;
    this.env = env;
  }

  /**
   * @param flag the launcher's flag ({@code --port}), or null when the setting has none
   */
  Optional<String> get(String flag, String envName) {
    if (flag != null && flags.containsKey(flag)) {
      return Optional.of(flags.get(flag));
    }
    String v = env.apply(envName);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
  }

  String get(String flag, String envName, String fallback) {
    return get(flag, envName).orElse(fallback);
  }

  int integer(String flag, String envName, int fallback) {
    String v = get(flag, envName, String.valueOf(fallback));
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name(flag, envName) + " must be a whole number, was '" + v + "'");
    }
  }

  Duration duration(String envName, Duration fallback) {
    String v = get(null, envName, fallback.toString());
    try {
      return Duration.parse(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          envName + " must be an ISO-8601 duration such as PT10S, was '" + v + "'");
    }
  }

  private static String name(String flag, String envName) {
    return flag == null ? envName : flag + " (" + envName + ")";
  }
}
