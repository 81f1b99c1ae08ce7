package io.octopods.simulator.viber;

import java.util.Arrays;
import java.util.Optional;

/**
 * The REST Bot API's {@code status} values (providers.md 3.3) with their {@code status_message}
 * names and a readable description. 21 and 22 are UNCONFIRMED; any other code is a {@code
 * generalError}.
 */
enum ViberStatus {
  OK(0, "ok", "Success"),
  INVALID_URL(1, "invalidUrl", "The webhook URL is not valid"),
  INVALID_AUTH_TOKEN(2, "invalidAuthToken", "The authentication token is not valid"),
  BAD_DATA(3, "badData", "The request is malformed"),
  MISSING_DATA(4, "missingData", "Mandatory data is missing"),
  RECEIVER_NOT_REGISTERED(5, "receiverNotRegistered", "The receiver is not registered to Viber"),
  RECEIVER_NOT_SUBSCRIBED(6, "receiverNotSubscribed", "The receiver is not subscribed to the bot"),
  PUBLIC_ACCOUNT_BLOCKED(7, "publicAccountBlocked", "The bot account is blocked"),
  PUBLIC_ACCOUNT_NOT_FOUND(8, "publicAccountNotFound", "The token belongs to no bot account"),
  PUBLIC_ACCOUNT_SUSPENDED(9, "publicAccountSuspended", "The bot account is suspended"),
  WEBHOOK_NOT_SET(10, "webhookNotSet", "No webhook is set for the bot"),
  RECEIVER_NO_SUITABLE_DEVICE(
      11,
      "receiverNoSuitableDevice",
      "The receiver has no device or Viber version that supports bots"),
  TOO_MANY_REQUESTS(12, "tooManyRequests", "Too many requests"),
  API_VERSION_NOT_SUPPORTED(
      13,
      "apiVersionNotSupported",
      "The receiver's devices do not support the message's min_api_version"),
  INCOMPATIBLE_WITH_VERSION(
      14, "incompatibleWithVersion", "min_api_version does not fit the message's fields"),
  PUBLIC_ACCOUNT_NOT_AUTHORIZED(
      15, "publicAccountNotAuthorized", "The bot account is not authorized"),
  INCHAT_REPLY_MESSAGE_NOT_ALLOWED(
      16, "inchatReplyMessageNotAllowed", "Inline messages are not allowed"),
  PUBLIC_ACCOUNT_IS_NOT_INLINE(17, "publicAccountIsNotInline", "The bot account is not inline"),
  NO_PUBLIC_CHAT(18, "noPublicChat", "The bot has no public chat"),
  CANNOT_SEND_BROADCAST(19, "cannotSendBroadcast", "The broadcast message cannot be sent"),
  BROADCAST_NOT_ALLOWED(20, "broadcastNotAllowed", "This bot may not broadcast"),
  UNSUPPORTED_COUNTRY(21, "unsupportedCountry", "The receiver's country is not supported"),
  PAYMENT_UNSUPPORTED(22, "paymentUnsupported", "Payments are not supported");

  static final String GENERAL_ERROR = "generalError";

  private final int code;
  private final String word;
  private final String description;

  ViberStatus(int code, String word, String description) {
    this.code = code;
    this.word = word;
    this.description = description;
  }

  int code() {
    return code;
  }

  /** The {@code status_message}. */
  String word() {
    return word;
  }

  static Optional<ViberStatus> of(int code) {
    return Arrays.stream(values()).filter(s -> s.code == code).findFirst();
  }

  /** The {@code status_message} of any code. */
  static String word(int code) {
    return of(code).map(ViberStatus::word).orElse(GENERAL_ERROR);
  }

  /**
   * A readable sentence for a code, as a {@code failed} receipt's {@code desc}: "The receiver ...
   * (11)".
   */
  static String description(int code) {
    return of(code).map(s -> s.description).orElse("General error") + " (" + code + ")";
  }

  /** A scenario's {@code error} as a status code, when it is one. */
  static Optional<Integer> code(String error) {
    return error.matches("\\d{1,9}") ? Optional.of(Integer.parseInt(error)) : Optional.empty();
  }
}
