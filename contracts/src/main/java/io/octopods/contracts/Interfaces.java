package io.octopods.contracts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The interfaces of the system and their contracts, for checking every HTTP exchange a harness
 * sees: exchanges with the status service (public API, health, webhooks, Canvas Kit, JSON reads)
 * against {@code contracts/service/openapi.yaml}, and the service's calls to providers (sends,
 * Twilio look-ups, HubSpot pushes) against {@code contracts/providers/<provider>/openapi.yaml}. The
 * operation is found by method and path template; bodies are checked against the JSON Schemas the
 * operation refers to (see {@link ExchangeCheck} for the rules). Immutable and thread-safe.
 *
 * <pre>{@code
 * Verdict v = Interfaces.shipped().onService(new Exchange("GET", "/api/v1/sms/messages/" + id, null, null,
 *     200, "application/json", body));
 * assertTrue(v.conforms(), v.breaches()::toString); // "contracts/service/message.schema.json at /message_status/..."
 * }</pre>
 */
public final class Interfaces {
  /** The status service's contract, relative to {@code contracts/}. */
  static final String SERVICE = "service/openapi.yaml";

  /**
   * The providers whose APIs the service calls, each with {@code
   * providers/<provider>/openapi.yaml}.
   */
  static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber", "hubspot");

  /** The name of the interface of an exchange no operation describes. */
  public static final String UNKNOWN = "unknown";

  private final OpenApiDocument service;
  private final Map<String, OpenApiDocument> providers;
  private final ExchangeCheck check;
  private final List<InterfaceInfo> catalog;

  Interfaces(Contracts contracts, ClassLoader loader) {
    this.service = OpenApiDocument.load(loader, SERVICE);
    Map<String, OpenApiDocument> byProvider = new LinkedHashMap<>();
    for (String provider : PROVIDERS) {
      byProvider.put(provider, OpenApiDocument.load(loader, providerFile(provider)));
    }
    this.providers = Map.copyOf(byProvider);
    this.check = new ExchangeCheck(contracts);
    this.catalog =
        catalogOf(service, PROVIDERS.stream().map(byProvider::get).collect(Collectors.toList()));
  }

  /** The contracts shipped in this jar (classpath root {@code contracts/}), read once. */
  public static Interfaces shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * Checks an exchange with the status service (public API, health, webhooks, surfaces). A webhook
   * exchange is a provider's callback: e.g. interface {@code webhook-whatsapp}, provider {@code
   * whatsapp}, direction {@code callback}. A path no operation has gives interface {@value
   * #UNKNOWN} and one breach {@code no operation in openapi.yaml for GET /x}.
   */
  public Verdict onService(Exchange exchange) {
    return judge(service, exchange);
  }

  /**
   * Checks an exchange of the status service with a provider (or its simulator): {@code twilio},
   * {@code whatsapp}, {@code viber} or {@code hubspot}, e.g. a Twilio send ({@code POST
   * /2010-04-01/Accounts/{sid}/Messages.json}) or a HubSpot timeline event push ({@code POST
   * /crm/v3/timeline/events}).
   *
   * @throws IllegalArgumentException for a provider with no contract
   */
  public Verdict onProvider(String provider, Exchange exchange) {
    String key = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
    OpenApiDocument document = providers.get(key);
    if (document == null) {
      throw new IllegalArgumentException(
          "no contract for provider '"
              + provider
              + "': expected one of "
              + PROVIDERS
              + " (the service's own interfaces: onService)");
    }
    return judge(document, exchange);
  }

  /**
   * Every interface known, service first, then by provider, in the order the contracts declare
   * them.
   */
  public List<InterfaceInfo> catalog() {
    return catalog;
  }

  private Verdict judge(OpenApiDocument document, Exchange exchange) {
    String path = exchange.pathOnly();
    String method = exchange.method() == null ? "" : exchange.method().toUpperCase(Locale.ROOT);
    Optional<Operation> operation = document.find(method, path);
    if (operation.isPresent()) {
      InterfaceInfo info = operation.get().info();
      return verdict(info, check.check(document, operation.get(), exchange));
    }
    List<Operation> atPath = document.operationsAt(path);
    if (!atPath.isEmpty()) {
      String methods =
          atPath.stream().map(Operation::method).distinct().collect(Collectors.joining(", "));
      return verdict(
          atPath.get(0).info(),
          List.of(
              new ContractBreach(
                  document.repositoryFile(),
                  "",
                  "no operation in "
                      + fileName(document)
                      + " for "
                      + exchange.describe()
                      + " (the path has "
                      + methods
                      + ")")));
    }
    InterfaceInfo unknown =
        new InterfaceInfo(
            UNKNOWN, document.provider(), document.direction(), document.repositoryFile());
    return verdict(
        unknown,
        List.of(
            new ContractBreach(
                document.repositoryFile(),
                "",
                "no operation in " + fileName(document) + " for " + exchange.describe())));
  }

  private static Verdict verdict(InterfaceInfo info, List<ContractBreach> breaches) {
    return new Verdict(
        info.name(), info.provider(), info.direction(), info.contractFile(), breaches);
  }

  private static List<InterfaceInfo> catalogOf(
      OpenApiDocument service, List<OpenApiDocument> providers) {
    Map<String, InterfaceInfo> byName = new LinkedHashMap<>();
    List<OpenApiDocument> all = new ArrayList<>();
    all.add(service);
    all.addAll(providers);
    for (OpenApiDocument document : all) {
      for (Operation operation : document.operations()) {
        InterfaceInfo earlier = byName.putIfAbsent(operation.info().name(), operation.info());
        if (earlier != null && !earlier.equals(operation.info())) {
          throw new IllegalStateException(
              "interface '"
                  + earlier.name()
                  + "' is declared twice with different "
                  + "providers, directions or files: "
                  + earlier
                  + " and "
                  + operation.info());
        }
      }
    }
    return List.copyOf(byName.values());
  }

  static String providerFile(String provider) {
    return "providers/" + provider + "/openapi.yaml";
  }

  private static String fileName(OpenApiDocument document) {
    String file = document.file();
    return file.substring(file.lastIndexOf('/') + 1);
  }

  private static final class Shipped {
    static final Interfaces INSTANCE =
        new Interfaces(Contracts.shipped(), Interfaces.class.getClassLoader());
  }
}
