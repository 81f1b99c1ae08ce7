package io.octopods.features.properties;

/**
 * How the provider's send API answers the hand-off (status-model.md section 4, hand-off outcomes):
 * accepted at once or after a retryable answer, so the message is SENT and the callbacks play; or
 * rejected, or throttled until the service gives up, so it is FAILED and no callback follows (none
 * is scheduled without an accepted send).
 */
public enum SendResponse {
  ACCEPT(true, "send:\n  respond: accept\n"),
  THROTTLED_THEN_ACCEPTED(true, "send:\n  - respond: throttle\n  - respond: accept\n"),
  SERVER_ERROR_THEN_ACCEPTED(true, "send:\n  - respond: server-error\n  - respond: accept\n"),
  REJECT(false, "send:\n  respond: reject\n"),
  THROTTLED_FOREVER(false, "send:\n  respond: throttle\n");

  private final boolean accepted;
  private final String yaml;

  SendResponse(boolean accepted, String yaml) {
    this.accepted = accepted;
    this.yaml = yaml;
  }

  /** Does the provider end up accepting the message (then SENT, and the callbacks are played)? */
  public boolean accepted() {
    return accepted;
  }

  String yaml() {
    return yaml;
  }
}
