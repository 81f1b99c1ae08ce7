package io.octopods.features.harness;

import io.octopods.contracts.Interfaces;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The harness of one run (one JVM): the target, the ledger, the wire. The target comes from system
 * properties ({@code octopods.check.target}, {@code .api-key}, {@code .other-api-key}, {@code
 * .sim-host}, {@code .port-base}, {@code .sims} as {@code twilio=URL,...}, {@code .public-url},
 * {@code .intercom-secret}); without {@code octopods.check.target} a local stack (service and
 * simulators on free ports, virtual clock, embedded database in a temporary folder) is started on
 * first use and stopped when the JVM ends.
 */
public final class Harness {
  public static final String PREFIX = "octopods.check.";

  private static Harness current;

  private final Target target;
  private final Ledger ledger;
  private final Wire wire;
  private final StackDriver driver;
  private final JournalCheck journals;

  private Harness(Target target) {
    this.target = target;
    Interfaces contracts = Interfaces.shipped();
    this.ledger = new Ledger(contracts.catalog());
    this.wire = new Wire(target, contracts, ledger);
    this.driver = new StackDriver(wire);
    this.journals = new JournalCheck(wire, driver.admin(), ledger);
  }

  /** The harness of this JVM, started on first use. */
  public static synchronized Harness get() {
    if (current == null) {
      current =
          start(
              System.getProperties().stringPropertyNames().stream()
                  .filter(k -> k.startsWith(PREFIX))
                  .collect(
                      java.util.stream.Collectors.toMap(
                          k -> k.substring(PREFIX.length()), System::getProperty)));
    }
    return current;
  }

  /**
   * A harness of its own for a target named by {@code options} (the keys of the system properties,
   * without the prefix), beside the one of this JVM.
   */
  public static Harness of(Map<String, String> options) {
    return start(options);
  }

  /** The harness if one was started in this JVM. */
  public static synchronized Optional<Harness> started() {
    return Optional.ofNullable(current);
  }

  private static Harness start(Map<String, String> options) {
    String service = options.get("target");
    if (service == null || service.isBlank()) {
      return local();
    }
    service = trimSlash(service);
    Map<String, String> sims =
        new LinkedHashMap<>(
            Target.simulatorsAt(
                options.getOrDefault("sim-host", "127.0.0.1"),
                Integer.parseInt(options.getOrDefault("port-base", "8080"))));
    for (String pair : options.getOrDefault("sims", "").split(",")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        sims.put(pair.substring(0, eq).trim(), trimSlash(pair.substring(eq + 1).trim()));
      }
    }
    String apiKey = options.get("api-key");
    if (apiKey == null || apiKey.isBlank()) {
      throw new IllegalArgumentException("--api-key is required with --target");
    }
    Target target =
        new Target(
            service,
            apiKey,
            Optional.ofNullable(options.get("other-api-key")),
            Map.copyOf(sims),
            Optional.ofNullable(options.get("intercom-secret")),
            "the service at " + service);
    Harness h = new Harness(target);
    try {
      h.driver.health();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "cannot reach the target " + service + ": " + e.getMessage(), e);
    }
    h.driver.requireVirtualClock();
    h.driver.pointWebhooksAt(trimSlash(options.getOrDefault("public-url", service)));
    return h;
  }

  private static Harness local() {
    Stack stack = Stack.of(StackProfile.TEST).start();
    Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "octopods-check-stack"));
    Map<String, String> sims = new LinkedHashMap<>();
    for (String p : JournalCheck.PROVIDERS) {
      sims.put(p, stack.simulators().baseUrl(p));
    }
    Target target =
        new Target(
            stack.serviceUrl(),
            StackProfile.TEST_API_KEY,
            Optional.of(StackProfile.TEST_OTHER_KEY),
            Map.copyOf(sims),
            Optional.of(StackProfile.TEST_INTERCOM_SECRET),
            "a local stack (embedded database, virtual clock)");
    return new Harness(target);
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  public Target target() {
    return target;
  }

  public Ledger ledger() {
    return ledger;
  }

  public Wire wire() {
    return wire;
  }

  public StackDriver driver() {
    return driver;
  }

  public JournalCheck journals() {
    return journals;
  }
}
