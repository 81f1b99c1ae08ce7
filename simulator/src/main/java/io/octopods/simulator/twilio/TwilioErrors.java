package io.octopods.simulator.twilio;

import java.util.Map;

/**
 * The Twilio errors the simulator answers, with Twilio's messages (providers.md 1.3, 1.7, 1.8), and
 * the titles of the asynchronous 30xxx codes that a fetched message shows as {@code error_message}.
 */
public final class TwilioErrors {
  static final int AUTHENTICATE = 20003;
  static final int TEST_CREDENTIALS = 20008;
  static final int NOT_FOUND = 20404;
  static final int TOO_MANY_REQUESTS = 20429;
  static final int SERVER_ERROR = 20500;
  static final int INVALID_TO = 21211;

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(20429, "Too Many Requests"),
          Map.entry(20500, "Internal Server Error"),
          Map.entry(20503, "Service Unavailable"),
          Map.entry(21211, "Invalid 'To' Phone Number"),
          Map.entry(21212, "Invalid 'From' Phone Number"),
          Map.entry(
              21408,
              "Permission to send an SMS has not been enabled for the region indicated by the 'To' number"),
          Map.entry(21602, "Message body is required."),
          Map.entry(
              21603, "A 'From' or 'MessagingServiceSid' parameter is required to send a message"),
          Map.entry(21604, "A 'To' phone number is required."),
          Map.entry(
              21606,
              "The 'From' phone number provided is not a valid message-capable Twilio phone number for this "
                  + "destination."),
          Map.entry(21609, "Invalid StatusCallback URL"),
          Map.entry(21610, "Attempt to send to unsubscribed recipient"),
          Map.entry(21611, "This 'From' number has exceeded the maximum number of queued messages"),
          Map.entry(21612, "The 'To' phone number is not currently reachable via SMS"),
          Map.entry(21614, "'To' number is not a valid mobile number"),
          Map.entry(30001, "Queue overflow"),
          Map.entry(30002, "Account suspended"),
          Map.entry(30003, "Unreachable destination handset"),
          Map.entry(30004, "Message blocked"),
          Map.entry(30005, "Unknown destination handset"),
          Map.entry(30006, "Landline or unreachable carrier"),
          Map.entry(30007, "Message filtered"),
          Map.entry(30008, "Unknown error"),
          Map.entry(30009, "Missing inbound segment"),
          Map.entry(30010, "Message price exceeds max price"),
          Map.entry(30032, "Toll-Free Number Has Not Been Verified"),
          Map.entry(30034, "US A2P 10DLC - Message from an Unregistered Number"));

  private TwilioErrors() {}

  /** Whether the simulator knows this code and its title (a capture's new codes are not). */
  public static boolean known(String code) {
    return title(code) != null;
  }

  /** Twilio's title of a code, or null for a code it does not know. */
  static String title(String code) {
    return code != null && code.matches("\\d{1,9}") ? TITLES.get(Integer.parseInt(code)) : null;
  }

  static TwilioError authenticate(String detail) {
    return new TwilioError(String.valueOf(AUTHENTICATE), "Authenticate", 401, detail);
  }

  static TwilioError notFound(String path) {
    return new TwilioError(NOT_FOUND, "The requested resource " + path + " was not found", 404);
  }

  static TwilioError testCredentials() {
    return new TwilioError(
        TEST_CREDENTIALS, "Resource not accessible with Test Account Credentials", 403);
  }

  /**
   * A create error: Twilio's message, naming the number where Twilio's does.
   *
   * @param status the HTTP status (400 for the 21xxx codes)
   */
  static TwilioError create(String code, int status, String to, String from) {
    String message =
        switch (code) {
          case "21211" -> "The 'To' number " + to + " is not a valid phone number.";
          case "21212" ->
              "The 'From' number "
                  + from
                  + " is not a valid phone number, shortcode, or alphanumeric sender ID.";
          case "21408" ->
              "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: "
                  + to
                  + ".";
          case "21606" ->
              "The 'From' phone number provided ("
                  + from
                  + ") is not a valid message-capable Twilio phone number for this destination.";
          case "21612" ->
              "The 'To' phone number: "
                  + to
                  + ", is not currently reachable using the 'From' phone number: "
                  + from
                  + " via SMS.";
          case "21614" -> "'To' number " + to + " is not a valid mobile number";
          default -> {
            String title = title(code);
            yield title != null ? title : "Unknown error";
          }
        };
    return new TwilioError(code, message, status, null);
  }
}
