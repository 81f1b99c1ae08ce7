package io.octopods.features.harness;

import io.octopods.contracts.Exchange;
import io.octopods.contracts.Interfaces;
import io.octopods.contracts.Verdict;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's only way to the stack: plain HTTP. Every call with the service or a provider's wire
 * routes is checked against the contracts, counted in the {@link Ledger}, attached to the report; a
 * breach fails the scenario at once, naming the contract file and the JSON pointer. The simulators'
 * admin API ({@code SimulatorClient}) and WireMock's request journals ({@link #admin}) are the
 * harness's own instruments and are not counted.
 */
public final class Wire {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Target target;
  private final Interfaces contracts;
  private final Ledger ledger;

  public Wire(Target target, Interfaces contracts, Ledger ledger) {
    this.target = target;
    this.contracts = contracts;
    this.ledger = ledger;
  }

  public Target target() {
    return target;
  }

  /** A call to the status service, checked against {@code contracts/service/openapi.yaml}. */
  public Call service(String method, String path, Map<String, String> headers, String body) {
    Call call = send(method, target.service() + path, headers, body);
    judge(contracts.onService(exchangeOf(call, path)));
    return call;
  }

  /** A call to the service with the scenario workspace's API key. */
  public Call api(String method, String path, String jsonBody) {
    return apiAs(target.apiKey(), method, path, jsonBody);
  }

  public Call apiAs(String key, String method, String path, String jsonBody) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + key);
    if (jsonBody != null) {
      headers.put("Content-Type", "application/json");
    }
    return service(method, path, headers, jsonBody);
  }

  /**
   * A call to WireMock's own admin API ({@code /__admin/requests}) of a simulator: an instrument,
   * not counted.
   */
  public Call admin(String provider, String method, String path, String jsonBody) {
    Map<String, String> headers =
        jsonBody == null ? Map.of() : Map.of("Content-Type", "application/json");
    return send(method, target.simulator(provider) + path, headers, jsonBody);
  }

  /**
   * Records an exchange the harness did not make itself but read from a journal (a callback the
   * simulator delivered to the service, a send or a HubSpot push the service made to a simulator),
   * and checks it.
   */
  public void observed(Verdict verdict) {
    judge(verdict);
  }

  public Interfaces contracts() {
    return contracts;
  }

  private void judge(Verdict verdict) {
    ledger.exercised(verdict);
    if (!verdict.breaches().isEmpty()) {
      var b = verdict.breaches().get(0);
      throw new ContractBreachError(verdict, b);
    }
  }

  static Exchange exchangeOf(Call call, String path) {
    return new Exchange(
        call.method(),
        path,
        call.requestHeaders().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null),
        call.requestBody(),
        call.status(),
        call.header("Content-Type").orElse(null),
        call.body());
  }

  private Call send(String method, String url, Map<String, String> headers, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    try {
      HttpResponse<String> r =
          CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      Call call =
          new Call(
              method, url, Map.copyOf(headers), body, r.statusCode(), r.headers().map(), r.body());
      ReportAttachments.call(call);
      return call;
    } catch (ConnectException e) {
      throw new TargetUnreachable(method + " " + url + ": connection refused (is it running?)", e);
    } catch (IOException e) {
      throw new TargetUnreachable(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TargetUnreachable(method + " " + url + " interrupted", e);
    }
  }

  /**
   * The target (or a simulator) could not be reached: an infrastructure failure, not a product
   * defect.
   */
  public static final class TargetUnreachable extends RuntimeException {
    TargetUnreachable(String message, Throwable cause) {
      super("infrastructure: " + message, cause);
    }
  }

  /** A contract breach; its message starts {@code contract breach:} so that reports can sort it. */
  public static final class ContractBreachError extends AssertionError {
    ContractBreachError(Verdict verdict, io.octopods.contracts.ContractBreach b) {
      super(
          "contract breach: "
              + b.contractFile()
              + " "
              + b.pointer()
              + ": "
              + b.message()
              + " (interface "
              + verdict.interfaceName()
              + ", "
              + verdict.breaches().size()
              + " breach(es))");
    }
  }
}
