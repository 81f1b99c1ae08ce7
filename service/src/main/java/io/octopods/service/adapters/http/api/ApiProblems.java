package io.octopods.service.adapters.http.api;

import io.octopods.service.adapters.http.Problem;
import io.octopods.service.domain.Channel;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The public API's problems that more than one route gives. */
final class ApiProblems {
  static final String INVALID_REQUEST = "Invalid request";

  private ApiProblems() {}

  /** {@code 400} listing every problem found, each with its pointer. */
  static ApiRefusal invalid(List<Problem.FieldError> errors) {
    String detail =
        errors.size() == 1
            ? "the request has 1 problem, at "
                + shown(errors.get(0).pointer())
                + ": "
                + errors.get(0).detail()
            : "the request has "
                + errors.size()
                + " problems, each listed in errors with where it is (a JSON Pointer "
                + "into the body, or #/query/<name> and #/header/<name>): fix them all and send it again";
    return new ApiRefusal(new Problem(400, INVALID_REQUEST, detail, List.copyOf(errors)));
  }

  static ApiRefusal invalid(String pointer, String detail) {
    return invalid(List.of(new Problem.FieldError(pointer, detail)));
  }

  static ApiRefusal unknownChannel(String segment) {
    return new ApiRefusal(
        Problem.of(
            404,
            "Not found",
            "there is no channel '"
                + segment
                + "': expected one of "
                + channels()
                + " in /api/v1/{channel}/messages"));
  }

  /**
   * The same answer for a message that does not exist, is another workspace's, or is on another
   * channel (I13).
   */
  static ApiRefusal noSuchMessage(Channel channel, String messageId) {
    return new ApiRefusal(
        Problem.of(
            404,
            "Not found",
            "your workspace has no "
                + channel.path()
                + " message '"
                + messageId
                + "': use the message_id (a UUID) from the answer to your POST, on the channel it was sent on"));
  }

  static String channels() {
    return Arrays.stream(Channel.values()).map(Channel::path).collect(Collectors.joining(", "));
  }

  private static String shown(String pointer) {
    return pointer.isEmpty() ? "the whole body" : pointer;
  }
}
