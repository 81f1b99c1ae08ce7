package io.octopods.service.adapters.webhooks.twilio;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.adapters.webhooks.WebhookProblems;
import io.octopods.service.adapters.webhooks.WebhookRequest;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.application.ReportIntake;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /webhooks/twilio}: Twilio's status callbacks (api.md, "Provider webhooks"). Answers,
 * in this order: {@code 413}, {@code 415} (form, or JSON with {@code bodySHA256}), {@code 401} when
 * {@code X-Twilio-Signature} does not sign the configured public URL (J1: never the Host header)
 * with the query string as received, with or without the port (J2); {@code 400} when it is no
 * status callback; else {@code 200} once the report is stored. Unsigned {@code GET} probes get
 * {@code 405} (J5).
 */
public final class TwilioWebhookRoutes implements RouteGroup {
  public static final String PATH = "/webhooks/twilio";
  private static final String PROVIDER = "Twilio";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final String authToken;
  private final String signedBase;
  private final ReportIntake intake;

  /**
   * @param authToken the Auth Token Twilio signs with ({@code OCTOPODS_TWILIO_AUTH_TOKEN})
   * @param publicBaseUrl the base URL Twilio calls ({@code OCTOPODS_PUBLIC_URL}), e.g. {@code
   *     https://status.example.com}
   */
  public TwilioWebhookRoutes(String authToken, String publicBaseUrl, ReportIntake intake) {
    if (authToken == null || authToken.isEmpty()) {
      throw new IllegalArgumentException(
          "the Twilio Auth Token is empty: set OCTOPODS_TWILIO_AUTH_TOKEN (or leave it "
              + "unset for the simulator's)");
    }
    this.authToken = authToken;
    this.signedBase = base(publicBaseUrl);
    this.intake = intake;
  }

  private static String base(String publicBaseUrl) {
    String base = publicBaseUrl == null ? "" : publicBaseUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(base);
    } catch (IllegalArgumentException e) {
      uri = null;
    }
    if (uri == null
        || uri.getScheme() == null
        || uri.getHost() == null
        || !List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the public URL '"
              + publicBaseUrl
              + "' is not an http(s) base URL: set "
              + "OCTOPODS_PUBLIC_URL to the URL Twilio calls, like https://status.example.com");
    }
    return base;
  }

  /**
   * The URL Twilio signed: the configured base, then the path and the query string exactly as
   * received.
   */
  private String signedUrl(Context ctx) {
    String query = ctx.queryString();
    return signedBase + ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(PATH, this::callback);
    routes.get(PATH, ctx -> WebhookProblems.postOnly(ctx, PROVIDER));
  }

  private void callback(Context ctx) {
    WebhookRequest.requireDeclaredSize(ctx);
    Optional<String> media = WebhookRequest.mediaType(ctx);
    boolean json = WebhookRequest.isJson(media);
    if (!json && !media.equals(Optional.of(FORM))) {
      throw WebhookProblems.unsupportedMediaType(
          PROVIDER,
          WebhookRequest.described(media),
          FORM + " (or application/json with bodySHA256 in the URL)");
    }
    byte[] body = WebhookRequest.body(ctx);
    String signature = ctx.header(TwilioSignature.HEADER);
    if (signature == null || signature.isBlank()) {
      throw WebhookProblems.badSignature(
          PROVIDER, "has no " + TwilioSignature.HEADER + " header", howSigned());
    }
    String url = signedUrl(ctx);
    String raw = new String(body, StandardCharsets.UTF_8);
    Map<String, List<String>> params;
    if (json) {
      if (!TwilioSignature.valid(authToken, url, body, signature)) {
        throw WebhookProblems.badSignature(
            PROVIDER,
            "has a "
                + TwilioSignature.HEADER
                + " (or bodySHA256) that "
                + "does not match its JSON body",
            "Base64 HMAC-SHA1 of "
                + url
                + " with its bodySHA256 query parameter, "
                + "keyed with the Auth Token");
      }
      params = readJson(body);
    } else {
      params = FormBody.parse(raw);
      if (!TwilioSignature.valid(authToken, url, params, signature)) {
        throw WebhookProblems.badSignature(
            PROVIDER, "has a " + TwilioSignature.HEADER + " that does not match", howSigned());
      }
    }
    IncomingReport report;
    try {
      report =
          TwilioStatusCallback.read(params, ctx.queryParam(TwilioStatusCallback.OUR_ID_PARAM), raw);
    } catch (MalformedEnvelope e) {
      throw WebhookProblems.malformed(PROVIDER, e);
    }
    intake.apply(List.of(report), "callback");
    ctx.status(200);
  }

  private static Map<String, List<String>> readJson(byte[] body) {
    try {
      return TwilioStatusCallback.jsonParams(body);
    } catch (MalformedEnvelope e) {
      throw WebhookProblems.malformed(PROVIDER, e);
    }
  }

  private String howSigned() {
    return "Base64 HMAC-SHA1 of the public URL "
        + signedBase
        + PATH
        + " (with the query string as sent) followed "
        + "by the sorted form parameters, keyed with the Auth Token";
  }
}
