package io.octopods.simulator.viber;

import com.github.tomakehurst.wiremock.http.ResponseDefinition;

/**
 * A call Viber refuses: answered HTTP 200 (404 for an unknown path) with a non-zero {@code status}
 * and a {@code status_message}: the status name, and for the simulator's own checks what was wrong,
 * e.g. {@code "badData: text has 7001 characters, at most 7000"}.
 */
final class Refusal extends RuntimeException {
  private final ViberStatus status;
  private final int httpStatus;

  private Refusal(ViberStatus status, String statusMessage, int httpStatus) {
    super(statusMessage, null, false, false);
    this.status = status;
    this.httpStatus = httpStatus;
  }

  /** The status with its name as the message, e.g. {@code invalidAuthToken}. */
  static Refusal of(ViberStatus status) {
    return new Refusal(status, status.word(), 200);
  }

  /** The status name and what was wrong: {@code missingData: receiver is required}. */
  static Refusal because(ViberStatus status, String detail) {
    return new Refusal(status, status.word() + ": " + detail, 200);
  }

  /** A status with Viber's own wording, e.g. {@code missing_auth_token}. */
  static Refusal worded(ViberStatus status, String statusMessage) {
    return new Refusal(status, statusMessage, 200);
  }

  /** An invalid URL, the one refusal documented with an HTTP 404. */
  static Refusal notFound(String detail) {
    return new Refusal(
        ViberStatus.INVALID_URL, ViberStatus.INVALID_URL.word() + ": " + detail, 404);
  }

  ViberStatus status() {
    return status;
  }

  ResponseDefinition answer() {
    return ViberAnswers.json(httpStatus, ViberAnswers.refusal(status.code(), getMessage())).build();
  }
}
