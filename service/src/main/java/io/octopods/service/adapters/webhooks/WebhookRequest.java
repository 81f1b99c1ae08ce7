package io.octopods.service.adapters.webhooks;

import io.javalin.http.Context;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The first checks of every provider callback, in the order of api.md: size ({@code 413}, by the
 * declared length and again while reading), then content type ({@code 415}). The body is read once,
 * as raw bytes: signatures are computed over exactly what arrived (J4).
 */
public final class WebhookRequest {
  private WebhookRequest() {}

  /** Refuses a declared length over the limit ({@code 413}) before anything else is looked at. */
  public static void requireDeclaredSize(Context ctx) {
    String declared = ctx.header("Content-Length");
    if (declared == null) {
      return;
    }
    try {
      if (Long.parseLong(declared.trim()) > HttpServer.MAX_BODY) {
        throw WebhookProblems.tooLarge(declared.trim() + " bytes");
      }
    } catch (NumberFormatException ignored) {
      // the server refuses a broken Content-Length itself; the read below still stops at the limit
    }
  }

  /**
   * The media type, lower case, without parameters ({@code application/json}); empty when there is
   * none.
   */
  public static Optional<String> mediaType(Context ctx) {
    String type = ctx.header("Content-Type");
    if (type == null || type.isBlank()) {
      return Optional.empty();
    }
    String media = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.isEmpty() ? Optional.empty() : Optional.of(media);
  }

  /** {@code application/json} or an {@code application/*+json} type. */
  public static boolean isJson(Optional<String> mediaType) {
    return mediaType
        .map(
            m ->
                m.equals("application/json")
                    || (m.startsWith("application/") && m.endsWith("+json")))
        .orElse(false);
  }

  /** Refuses anything but JSON with {@code 415}. */
  public static void requireJson(Context ctx, String provider) {
    Optional<String> media = mediaType(ctx);
    if (!isJson(media)) {
      throw WebhookProblems.unsupportedMediaType(provider, described(media), "application/json");
    }
  }

  /** How a request's media type is named in a problem. */
  public static String described(Optional<String> mediaType) {
    return mediaType.map(m -> "'" + m + "'").orElse("no Content-Type");
  }

  /**
   * The raw body, at most {@link HttpServer#MAX_BODY} bytes, also when its length was not declared.
   */
  public static byte[] body(Context ctx) {
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes((int) HttpServer.MAX_BODY + 1);
      if (bytes.length > HttpServer.MAX_BODY) {
        throw WebhookProblems.tooLarge("more than " + HttpServer.MAX_BODY + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw Problem.unreadableBody("callback", e).raise();
    }
  }
}
