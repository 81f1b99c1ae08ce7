package io.octopods.simulator.hubspot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How an injected failure ({@code fail_status} of {@code POST /__sim/hubspot/limits}) answers: an
 * HTTP status with HubSpot's error body for the whole call ({@code 400}, {@code 403}, {@code 404},
 * {@code 408}, {@code 413} or any {@code 5xx}), or {@code "reset"}: the connection is reset without
 * an answer. A {@code 429} is not injected here: it comes from {@code per_10s}.
 *
 * @param httpStatus the status answered, or {@value #CONNECTION_RESET} for a reset connection
 */
record FailStatus(int httpStatus) {
  static final int CONNECTION_RESET = 0;
  static final String RESET_WORD = "reset";
  static final FailStatus DEFAULT = new FailStatus(502);
  static final FailStatus RESET = new FailStatus(CONNECTION_RESET);
  private static final String ALLOWED =
      "400, 403, 404, 408, 413, a 5xx status (500 to 599) or \"reset\"";

  FailStatus {
    if (httpStatus != CONNECTION_RESET && !allowed(httpStatus)) {
      throw new IllegalArgumentException(
          "fail_status must be "
              + ALLOWED
              + ", not "
              + httpStatus
              + (httpStatus == 429 ? "; a 429 comes from per_10s" : ""));
    }
  }

  /** The {@code fail_status} of an admin request; {@code absent} when the field is not sent. */
  static FailStatus of(JsonNode n, FailStatus absent) {
    if (n == null) {
      return absent;
    }
    if (n.isTextual() && n.asText().equals(RESET_WORD)) {
      return RESET;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new IllegalArgumentException("fail_status must be " + ALLOWED + ", not " + n);
    }
    return new FailStatus(n.asInt());
  }

  boolean resetsConnection() {
    return httpStatus == CONNECTION_RESET;
  }

  /** HubSpot's {@code category} for the error body of this status. */
  String category() {
    return switch (httpStatus) {
      case 400 -> HubSpotErrors.VALIDATION;
      case 403 -> HubSpotErrors.MISSING_SCOPES;
      case 404 -> HubSpotErrors.NOT_FOUND;
      case 408 -> HubSpotErrors.REQUEST_TIMEOUT;
      case 413 -> HubSpotErrors.TOO_LARGE;
      default -> HubSpotErrors.INTERNAL;
    };
  }

  /** As the admin API reads it back: the number, or {@code "reset"}. */
  JsonNode view() {
    return resetsConnection() ? TextNode.valueOf(RESET_WORD) : IntNode.valueOf(httpStatus);
  }

  @Override
  public String toString() {
    return resetsConnection() ? "a connection reset" : "HTTP " + httpStatus;
  }

  private static boolean allowed(int status) {
    return status == 400
        || status == 403
        || status == 404
        || status == 408
        || status == 413
        || (status >= 500 && status <= 599);
  }
}
