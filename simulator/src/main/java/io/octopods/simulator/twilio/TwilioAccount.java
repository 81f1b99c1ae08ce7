package io.octopods.simulator.twilio;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The two accounts the simulator serves: the live one, whose messages play scenarios, and the test
 * one, whose magic numbers answer as at Twilio and whose messages never call back (providers.md
 * 1.8).
 */
enum TwilioAccount {
  LIVE(TwilioSimulator.ACCOUNT_SID, TwilioSimulator.AUTH_TOKEN),
  TEST(TwilioSimulator.TEST_ACCOUNT_SID, TwilioSimulator.TEST_AUTH_TOKEN);

  private final String sid;
  private final String authToken;

  TwilioAccount(String sid, String authToken) {
    this.sid = sid;
    this.authToken = authToken;
  }

  String sid() {
    return sid;
  }

  /** The account a request authenticated as, or the error Twilio answers (never both). */
  record Access(Optional<TwilioAccount> account, Optional<TwilioError> refusal) {}

  /**
   * HTTP Basic with {@code AccountSid:AuthToken}; the account in the path must be the authenticated
   * one.
   */
  static Access check(Request request, String pathSid) {
    Optional<String[]> basic = basic(request.getHeader("Authorization"));
    if (basic.isEmpty()) {
      return refused(
          "No HTTP Basic credentials were sent: authenticate with your AccountSid as the username and "
              + "your AuthToken as the password.");
    }
    String user = basic.get()[0];
    String password = basic.get()[1];
    for (TwilioAccount account : values()) {
      if (account.sid.equals(user) && same(account.authToken, password)) {
        if (!account.sid.equals(pathSid)) {
          return refused(
              "The AccountSid in the URL ("
                  + pathSid
                  + ") is not the account of these credentials ("
                  + user
                  + ").");
        }
        return new Access(Optional.of(account), Optional.empty());
      }
    }
    return refused("Your AccountSid or AuthToken was incorrect.");
  }

  private static Access refused(String detail) {
    return new Access(Optional.empty(), Optional.of(TwilioErrors.authenticate(detail)));
  }

  private static Optional<String[]> basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0
        ? Optional.empty()
        : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
