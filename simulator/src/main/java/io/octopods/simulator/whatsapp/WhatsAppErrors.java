package io.octopods.simulator.whatsapp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.simulator.core.Json;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Meta's error codes with their real titles, and the Graph API's error envelope. */
public final class WhatsAppErrors {
  static final String HREF =
      "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/";
  static final int REJECTED = 131026;
  static final int THROTTLED = 130429;
  static final int SERVER_ERROR = 131000;

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(100, "Invalid parameter"),
          Map.entry(190, "Access token has expired"),
          Map.entry(368, "Temporarily blocked for policies violations"),
          Map.entry(130429, "Rate limit hit"),
          Map.entry(131000, "Something went wrong"),
          Map.entry(131026, "Message Undeliverable"),
          Map.entry(131047, "Re-engagement message"),
          Map.entry(131048, "Spam rate limit hit"),
          Map.entry(
              131049, "This message was not delivered to maintain healthy ecosystem engagement."),
          Map.entry(131051, "Unsupported message type"),
          Map.entry(131053, "Media upload error"),
          Map.entry(131056, "(Business Account, Consumer Account) pair rate limit hit"));

  private WhatsAppErrors() {}

  /** Whether the simulator knows this code and its real title (a capture's new codes are not). */
  public static boolean known(String code) {
    return code != null && code.matches("\\d{1,9}") && TITLES.containsKey(Integer.parseInt(code));
  }

  static String title(int code) {
    return TITLES.getOrDefault(code, "Unknown error");
  }

  /** The synchronous Graph error envelope: {@code {"error": {"message": "(#code) Title", ...}}}. */
  static ObjectNode graphError(int code, String type, String details) {
    return graphError(String.valueOf(code), type, details);
  }

  /**
   * The same for a code a scenario wrote, which may not be a number: its title is then "Unknown
   * error".
   */
  static ObjectNode graphError(String code, String type, String details) {
    ObjectNode body = Json.object();
    boolean numeric = code.matches("\\d{1,9}");
    ObjectNode error =
        body.putObject("error")
            .put(
                "message",
                "(#" + code + ") " + (numeric ? title(Integer.parseInt(code)) : "Unknown error"))
            .put("type", type);
    if (numeric) {
      error.put("code", Integer.parseInt(code));
    } else {
      error.put("code", code);
    }
    error.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
    error.put("fbtrace_id", traceId());
    return body;
  }

  /** One item of a failed status's {@code errors[]}. */
  static ObjectNode statusError(String code) {
    ObjectNode e = Json.object();
    String title;
    if (code.matches("\\d{1,9}")) {
      e.put("code", Integer.parseInt(code));
      title = title(Integer.parseInt(code));
    } else {
      e.put("code", code);
      title = "Unknown error";
    }
    e.put("title", title).put("message", title);
    e.putObject("error_data").put("details", title);
    e.put("href", HREF);
    return e;
  }

  private static String traceId() {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder b = new StringBuilder("A");
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 22; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
