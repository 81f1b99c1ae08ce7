package io.octopods.features.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Exchange;
import io.octopods.contracts.Interfaces;
import io.octopods.contracts.Verdict;
import io.qameta.allure.attachment.DefaultAttachmentProcessor;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.ContentType;
import io.restassured.http.Headers;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The harness's only way to the status service: REST Assured requests whose every exchange is
 * checked against the contracts ({@code contracts/service/openapi.yaml}), counted in the {@link
 * Ledger} and attached to the Allure report; a breach fails the scenario at once, naming the
 * contract file and the JSON pointer. A body goes out as the exact bytes given (no charset is added
 * to its content type), so a signed webhook or canvas request reaches the service as it was signed.
 * The simulators' admin API ({@code SimulatorClient}) and WireMock's request journals ({@link
 * #wireMockJournal}) are the harness's own instruments and are not counted.
 */
public final class Wire {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RestAssuredConfig EXACT_BYTES =
      RestAssuredConfig.config()
          .encoderConfig(
              EncoderConfig.encoderConfig()
                  .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                  .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY));

  private final Target target;
  private final Interfaces contracts;
  private final Ledger ledger;
  private final Filter contractCheck = new ContractCheck();
  private final Filter attachment = new ReportAttachment();

  public Wire(Target target, Interfaces contracts, Ledger ledger) {
    this.target = target;
    this.contracts = contracts;
    this.ledger = ledger;
  }

  public Target target() {
    return target;
  }

  /** A request to the status service, checked against the contracts when it is answered. */
  public RequestSpecification service() {
    return RestAssured.given()
        .config(EXACT_BYTES)
        .baseUri(target.service())
        .urlEncodingEnabled(false)
        .filter(contractCheck)
        .filter(attachment);
  }

  /** A request to the service with the scenario workspace's API key. */
  public RequestSpecification api() {
    return apiAs(target.apiKey());
  }

  /** A request to the service with another API key. */
  public RequestSpecification apiAs(String key) {
    return service().header("Authorization", "Bearer " + key);
  }

  /** WireMock's own request journal of a simulator ({@code /__admin/requests}): not counted. */
  public Response wireMockJournal(String provider, String method) {
    return RestAssured.given()
        .config(EXACT_BYTES)
        .baseUri(target.simulator(provider))
        .request(method, "/__admin/requests");
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

  /** An answer's body as JSON ({@link MissingNode} when empty or not JSON). */
  public static JsonNode json(Response response) {
    return json(response.asString());
  }

  static JsonNode json(String text) {
    if (text == null || text.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return MissingNode.getInstance();
    }
  }

  /** A JSON string literal (quotes included). */
  public static String quote(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void judge(Verdict verdict) {
    ledger.exercised(verdict);
    if (!verdict.breaches().isEmpty()) {
      throw new ContractBreachError(verdict, verdict.breaches().get(0));
    }
  }

  /** Checks each exchange with the service against its contract once it is answered. */
  private final class ContractCheck implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification responseSpec,
        FilterContext context) {
      Response response;
      try {
        response = context.next(request, responseSpec);
      } catch (Exception e) {
        if (e instanceof IOException) {
          throw new TargetUnreachable(
              request.getMethod() + " " + request.getURI() + " failed: " + e, e);
        }
        throw e;
      }
      URI uri = URI.create(request.getURI());
      String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      String contentType = request.getHeaders().getValue("Content-Type");
      judge(
          contracts.onService(
              new Exchange(
                  request.getMethod(),
                  path,
                  contentType == null ? request.getContentType() : contentType,
                  bodyText(request.getBody()),
                  response.statusCode(),
                  response.getHeader("Content-Type"),
                  response.asString())));
      return response;
    }

    private static String bodyText(Object body) {
      if (body == null) {
        return null;
      }
      return body instanceof byte[] bytes
          ? new String(bytes, StandardCharsets.UTF_8)
          : body.toString();
    }
  }

  /**
   * Attaches each exchange to the Allure report, named by its method and URL, with
   * allure-rest-assured's request and answer templates, except the health polls the harness waits
   * on and exchanges outside a scenario (a replay). The two renderers are made once: {@code
   * AllureRestAssured} makes a FreeMarker configuration, and so parses its template, for every
   * exchange, which cost the suites more CPU than anything they check. Bodies go as sent, not
   * prettified: the bytes are what a signature covers.
   */
  private static final class ReportAttachment implements Filter {
    private static final FreemarkerAttachmentRenderer REQUEST =
        new FreemarkerAttachmentRenderer("http-request.ftl");
    private static final FreemarkerAttachmentRenderer ANSWER =
        new FreemarkerAttachmentRenderer("http-response.ftl");

    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification responseSpec,
        FilterContext context) {
      if (request.getURI().endsWith("/health") || !ReportAttachments.inTest()) {
        return context.next(request, responseSpec);
      }
      String call = request.getMethod() + " " + request.getURI();
      HttpRequestAttachment.Builder sent =
          HttpRequestAttachment.Builder.create(call, request.getURI())
              .setMethod(request.getMethod())
              .setHeaders(headers(request.getHeaders()));
      Object body = request.getBody();
      if (body != null) {
        sent.setBody(
            body instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : String.valueOf(body));
      }
      new DefaultAttachmentProcessor().addAttachment(sent.build(), REQUEST);
      Response answer = context.next(request, responseSpec);
      new DefaultAttachmentProcessor()
          .addAttachment(
              HttpResponseAttachment.Builder.create("answer to " + call)
                  .setResponseCode(answer.getStatusCode())
                  .setHeaders(headers(answer.getHeaders()))
                  .setBody(answer.getBody().asString())
                  .build(),
              ANSWER);
      return answer;
    }

    private static Map<String, String> headers(Headers headers) {
      Map<String, String> named = new LinkedHashMap<>();
      headers.forEach(h -> named.merge(h.getName(), h.getValue(), (x, y) -> x + ", " + y));
      return named;
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
    ContractBreachError(Verdict verdict, ContractBreach b) {
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
