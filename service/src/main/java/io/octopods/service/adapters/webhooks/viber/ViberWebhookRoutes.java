package io.octopods.service.adapters.webhooks.viber;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.adapters.webhooks.WebhookProblems;
import io.octopods.service.adapters.webhooks.WebhookRequest;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.ReportIntake;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /webhooks/viber} (api.md, "Provider webhooks"). Answers, in this order: {@code 413},
 * {@code 415} (not JSON), {@code 401} when the signature does not sign the raw bytes, {@code 400}
 * when the event cannot be read, else {@code 200}: once the receipt is stored (also for tokens we
 * never sent, D3), or at once for events that are no receipts ({@code webhook}, {@code
 * subscribed}...). Unsigned {@code GET} probes get {@code 405} (J5).
 */
public final class ViberWebhookRoutes implements RouteGroup {
  public static final String PATH = "/webhooks/viber";
  private static final String PROVIDER = "Viber";
  private static final String HOW_SIGNED =
      "the lowercase hex HMAC-SHA256 of the raw body, keyed with the bot's " + "auth token";

  private final String authToken;
  private final ReportIntake intake;

  /**
   * @param authToken the bot's auth token, which signs callbacks ({@code
   *     OCTOPODS_VIBER_AUTH_TOKEN})
   */
  public ViberWebhookRoutes(String authToken, ReportIntake intake) {
    if (authToken == null || authToken.isEmpty()) {
      throw new IllegalArgumentException(
          "the Viber auth token is empty: set OCTOPODS_VIBER_AUTH_TOKEN (or leave it "
              + "unset for the simulator's)");
    }
    this.authToken = authToken;
    this.intake = intake;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(PATH, this::callback);
    routes.get(PATH, ctx -> WebhookProblems.postOnly(ctx, PROVIDER));
  }

  private void callback(Context ctx) {
    WebhookRequest.requireDeclaredSize(ctx);
    WebhookRequest.requireJson(ctx, PROVIDER);
    byte[] body = WebhookRequest.body(ctx);
    Signature signature = signature(ctx);
    if (!ViberSignature.valid(authToken, body, signature.value())) {
      throw WebhookProblems.badSignature(
          PROVIDER, "has " + signature.where() + " that does not match its body", HOW_SIGNED);
    }
    Optional<IncomingReport> report;
    try {
      report = ViberCallback.read(body);
    } catch (MalformedEnvelope e) {
      throw WebhookProblems.malformed(PROVIDER, e);
    }
    if (report.isPresent()) {
      intake.apply(List.of(report.get()), "callback");
    }
    ctx.status(200);
  }

  /** A signature and where it was found, as a problem names it. */
  private record Signature(String value, String where) {}

  /**
   * The signature Viber sent: in the {@code X-Viber-Content-Signature} header, in the {@code sig}
   * query parameter (providers.md 3.5), or in both with the same value; {@code 401} when there is
   * none, or when the two disagree.
   */
  private static Signature signature(Context ctx) {
    String header = blankAsNull(ctx.header(ViberSignature.HEADER));
    String query = blankAsNull(ctx.queryParam(ViberSignature.QUERY));
    if (header == null && query == null) {
      throw WebhookProblems.badSignature(
          PROVIDER,
          "has neither an "
              + ViberSignature.HEADER
              + " header nor a "
              + ViberSignature.QUERY
              + " query parameter",
          HOW_SIGNED);
    }
    if (header != null && query != null && !header.trim().equalsIgnoreCase(query.trim())) {
      throw WebhookProblems.badSignature(
          PROVIDER,
          "has an "
              + ViberSignature.HEADER
              + " header and a "
              + ViberSignature.QUERY
              + " query parameter that disagree",
          HOW_SIGNED);
    }
    return header != null
        ? new Signature(header, "an " + ViberSignature.HEADER + " header")
        : new Signature(query, "a " + ViberSignature.QUERY + " query parameter");
  }

  private static String blankAsNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
