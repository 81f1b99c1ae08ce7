package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads a JSON object from a request, checked in this order: size ({@code 413}, before anything is
 * parsed), content type ({@code 415}), then JSON ({@code 400}: not JSON, a duplicate field,
 * trailing text, or not an object).
 */
final class JsonRequestBody {
  /** The most a send request may be: 64 KiB. */
  static final int MAX_BYTES = 64 * 1024;

  private static final ObjectReader READER =
      JsonBodies.MAPPER
          .reader()
          .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonRequestBody() {}

  static ObjectNode read(Context ctx) {
    String declared = ctx.header("Content-Length");
    if (declared != null && isOver(declared.trim())) {
      drain(ctx);
      throw tooLarge(declared.trim() + " bytes");
    }
    requireJson(ctx.header("Content-Type"));
    return object(bytesUpToLimit(ctx));
  }

  private static boolean isOver(String contentLength) {
    try {
      return Long.parseLong(contentLength) > MAX_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static byte[] bytesUpToLimit(Context ctx) {
    try (InputStream in = ctx.bodyInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        drain(in, bytes.length);
        throw tooLarge("more than " + MAX_BYTES + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw Problem.unreadableBody("request", e).raise();
    }
  }

  /**
   * Reads and drops what is left of a refused body, up to the server's own limit. A body left
   * unread when the server answers and closes makes the close a reset, and the client can lose the
   * {@code 413} itself.
   */
  private static void drain(Context ctx) {
    try (InputStream in = ctx.bodyInputStream()) {
      drain(in, 0);
    } catch (IOException e) {
      // the answer is 413 whatever is left unread
    }
  }

  private static void drain(InputStream in, long alreadyRead) throws IOException {
    byte[] sink = new byte[16 * 1024];
    long read = alreadyRead;
    for (int n; read < HttpServer.MAX_BODY && (n = in.read(sink)) >= 0; ) {
      read += n;
    }
  }

  private static ApiRefusal tooLarge(String size) {
    return new ApiRefusal(
        Problem.of(
            413,
            "Content too large",
            "the body is "
                + size
                + "; a send request may be at "
                + "most "
                + MAX_BYTES
                + " bytes (64 KiB): shorten the message body"));
  }

  static void requireJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      throw unsupported("the request has no Content-Type");
    }
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!media.equals("application/json")
        && !(media.startsWith("application/") && media.endsWith("+json"))) {
      throw unsupported("the body is sent as '" + media + "'");
    }
  }

  private static ApiRefusal unsupported(String what) {
    return new ApiRefusal(
        Problem.of(
            415,
            "Unsupported media type",
            what
                + ", expected JSON: send the body as "
                + "JSON with 'Content-Type: application/json'"));
  }

  static ObjectNode object(byte[] bytes) {
    JsonNode node;
    try {
      node = READER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiProblems.invalid(
          "",
          "the body is not JSON ("
              + e.getOriginalMessage()
              + "): send one JSON object "
              + "like {\"to\": \"+15551230001\", \"body\": \"Hello\"}");
    } catch (
        IOException e) { // e.g. bytes that look like UTF-32 but are not: still the client's body
      throw ApiProblems.invalid(
          "",
          "the body is not JSON text in UTF-8 ("
              + e.getMessage()
              + "): send one JSON "
              + "object like {\"to\": \"+15551230001\", \"body\": \"Hello\"}");
    }
    if (node == null || node.isMissingNode()) {
      throw ApiProblems.invalid(
          "",
          "the body is empty: send one JSON object like "
              + "{\"to\": \"+15551230001\", \"body\": \"Hello\"}");
    }
    if (!node.isObject()) {
      throw ApiProblems.invalid(
          "",
          "the body is a JSON "
              + node.getNodeType().name().toLowerCase(Locale.ROOT)
              + ", expected an object: send {\"to\": \"+15551230001\", \"body\": \"Hello\"}");
    }
    return (ObjectNode) node;
  }
}
