package io.octopods.features.cli;

import io.octopods.features.harness.Harness;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the harness finds the service and the simulators, shared by {@code check} and {@code
 * replay}: a deployed target, or by default a local stack on free ports.
 */
public final class TargetOptions {
  @Option(
      names = "--target",
      description = "the service's base URL (default: start a local stack on free ports)")
  String target;

  @Option(names = "--api-key", description = "an API key of the target (required with --target)")
  String apiKey;

  @Option(
      names = "--other-api-key",
      description = "a key of a second workspace, for the isolation checks (I13)")
  String otherApiKey;

  @Option(names = "--sim-host", description = "where the simulators run (default 127.0.0.1)")
  String simHost;

  @Option(names = "--port-base", description = "the simulators are on N+1..N+4 (default 8080)")
  String portBase;

  @Option(
      names = "--sim",
      description = "one simulator's URL, e.g. --sim whatsapp=http://sims:9002 (repeatable)")
  List<String> sims = new ArrayList<>();

  @Option(
      names = "--public-url",
      description = "the service's URL as the simulators reach it (default --target)")
  String publicUrl;

  @Option(
      names = "--intercom-secret",
      description = "the target's Intercom client secret, to check the signed canvases")
  String intercomSecret;

  /** What is wrong with the options, or null. */
  String problem() {
    if (target != null && (apiKey == null || apiKey.isBlank())) {
      return "--api-key is required with --target";
    }
    return null;
  }

  /** Hands the options to the harness of this JVM (system properties it reads on first use). */
  void applyTo(Map<String, String> more) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("target", target);
    options.put("api-key", apiKey);
    options.put("other-api-key", otherApiKey);
    options.put("sim-host", simHost);
    options.put("port-base", portBase);
    options.put("sims", sims.isEmpty() ? null : String.join(",", sims));
    options.put("public-url", publicUrl);
    options.put("intercom-secret", intercomSecret);
    options.putAll(more);
    options.forEach(
        (k, v) -> {
          if (v != null) {
            System.setProperty(Harness.PREFIX + k, v);
          }
        });
  }
}
