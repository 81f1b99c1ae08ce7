package io.octopods.stack.hostile;

import io.octopods.service.config.SimulatorDefaults;
import io.octopods.stack.support.StackHttp;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Callback bodies of each provider's real shape (providers.md 1.4, 2.4, 3.4), and the text surgery
 * the malformed ones are made with. A report is {@code {providerId, ourId or null, word}}.
 */
final class CallbackBodies {
  private CallbackBodies() {}

  /**
   * The body of a callback carrying {@code reports}, with an extra JSON field or form parameters.
   */
  static String text(
      WebhookProvider p,
      boolean twilioJson,
      List<String[]> reports,
      String extraJson,
      String extraForm) {
    return switch (p) {
      case TWILIO -> twilio(reports.get(0), twilioJson, extraJson, extraForm);
      case WHATSAPP -> whatsApp(reports, extraJson);
      case VIBER -> viber(reports.get(0), extraJson);
    };
  }

  private static String twilio(String[] r, boolean json, String extraJson, String extraForm) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("MessageSid", r[0]);
    params.put("SmsSid", r[0]);
    params.put("AccountSid", SimulatorDefaults.TWILIO_ACCOUNT_SID);
    params.put("From", "+15005550006");
    params.put("To", "+15551230001");
    params.put("MessageStatus", r[2]);
    params.put("SmsStatus", r[2]);
    if (r[2].contains("fail") || r[2].equals("undelivered")) {
      params.put("ErrorCode", "30003");
    }
    params.put("ApiVersion", "2010-04-01");
    if (json) {
      String fields =
          params.entrySet().stream()
              .map(e -> q(e.getKey()) + ":" + q(e.getValue()))
              .collect(Collectors.joining(","));
      return "{" + fields + (extraJson.isEmpty() ? "" : "," + extraJson) + "}";
    }
    String form =
        params.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return form + (extraForm.isEmpty() ? "" : "&" + extraForm);
  }

  private static String whatsApp(List<String[]> reports, String extraJson) {
    String items =
        reports.stream()
            .map(
                r ->
                    "{\"id\":"
                        + q(r[0])
                        + ",\"status\":"
                        + q(r[2])
                        + ",\"timestamp\":\"1750030073\",\"recipient_id\":\"15551230001\""
                        + (r[1] == null ? "" : ",\"biz_opaque_callback_data\":" + q(r[1]))
                        + (r[2].equals("failed")
                            ? ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"
                            : "")
                        + "}")
            .collect(Collectors.joining(","));
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
        + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
        + "\"phone_number_id\":\"106540352242922\"},\"statuses\":["
        + items
        + "]},\"field\":\"messages\"}]}]"
        + (extraJson.isEmpty() ? "" : "," + extraJson)
        + "}";
  }

  private static String viber(String[] r, String extraJson) {
    return "{\"event\":"
        + q(r[2])
        + ",\"timestamp\":1457764197627,\"message_token\":"
        + r[0]
        + ",\"user_id\":\"01234567890A=\""
        + (r[2].equals("failed") ? ",\"desc\":\"failure description\"" : "")
        + (extraJson.isEmpty() ? "" : "," + extraJson)
        + "}";
  }

  /**
   * {@code t} with the JSON value right after the first {@code field} (such as {@code "id":})
   * replaced.
   */
  static String replaceValue(String t, String field, String value) {
    int at = t.indexOf(field) + field.length();
    return t.substring(0, at) + value + t.substring(valueEnd(t, at));
  }

  /**
   * Where the JSON value starting at {@code at} ends (a string, a number, a literal, or one level
   * of brackets).
   */
  static int valueEnd(String t, int at) {
    char first = t.charAt(at);
    if (first == '"') {
      int i = at + 1;
      while (t.charAt(i) != '"') {
        i += t.charAt(i) == '\\' ? 2 : 1;
      }
      return i + 1;
    }
    if (first == '[' || first == '{') {
      int depth = 0;
      boolean inString = false;
      for (int i = at; i < t.length(); i++) {
        char ch = t.charAt(i);
        if (inString) {
          if (ch == '\\') {
            i++;
          } else if (ch == '"') {
            inString = false;
          }
        } else if (ch == '"') {
          inString = true;
        } else if (ch == '[' || ch == '{') {
          depth++;
        } else if ((ch == ']' || ch == '}') && --depth == 0) {
          return i + 1;
        }
      }
      return t.length();
    }
    int i = at;
    while (i < t.length() && ",}]".indexOf(t.charAt(i)) < 0) {
      i++;
    }
    return i;
  }

  /** Bytes as {@code %XX} escapes. */
  static String percent(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte x : bytes) {
      s.append(String.format("%%%02X", x & 0xFF));
    }
    return s.toString();
  }

  static String q(String s) {
    return StackHttp.quote(s);
  }
}
