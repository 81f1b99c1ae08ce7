package io.octopods.service.adapters.webhooks;

import io.javalin.http.Context;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.Problem;

/**
 * The problems a provider webhook answers (problem+json); each says what was wrong and what to do.
 */
public final class WebhookProblems {
  private WebhookProblems() {}

  public static Problem.Raised tooLarge(String size) {
    return Problem.of(
            413,
            "Content too large",
            "the callback body is "
                + size
                + "; a provider callback may be at "
                + "most "
                + HttpServer.MAX_BODY
                + " bytes (3 MiB): split the batch")
        .raise();
  }

  public static Problem.Raised unsupportedMediaType(
      String provider, String given, String expected) {
    return Problem.of(
            415,
            "Unsupported media type",
            "the "
                + provider
                + " callback is sent as "
                + given
                + ", expected "
                + expected
                + ": send it as the provider does")
        .raise();
  }

  /** {@code 401}: nothing was read or stored. */
  public static Problem.Raised badSignature(String provider, String what, String howSigned) {
    return Problem.of(
            401,
            "Bad signature",
            "the "
                + provider
                + " callback "
                + what
                + ", so it was not read and "
                + "nothing was stored; expected "
                + howSigned
                + ": check that the service and the sender share the same "
                + "secret")
        .raise();
  }

  /** {@code 400}: a signed envelope that cannot be read at all; nothing was stored. */
  public static Problem.Raised malformed(String provider, MalformedEnvelope e) {
    return Problem.of(
            400,
            "Malformed callback",
            "the "
                + provider
                + " callback is signed but cannot be read: "
                + e.getMessage()
                + "; nothing was stored")
        .raise();
  }

  /**
   * Answers an unsigned probe ({@code GET}, health checks) on a POST-only webhook: {@code 405},
   * never {@code 5xx} (J5).
   */
  public static void postOnly(Context ctx, String provider) {
    ctx.header("Allow", "POST");
    Problem.of(
            405,
            "Method not allowed",
            ctx.method()
                + " "
                + ctx.path()
                + " is not served: this is the "
                + provider
                + " webhook, which takes signed POST callbacks only")
        .writeTo(ctx);
  }
}
