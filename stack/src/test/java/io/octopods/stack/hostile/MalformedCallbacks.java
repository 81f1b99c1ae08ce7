package io.octopods.stack.hostile;

import static io.octopods.stack.hostile.CallbackBodies.replaceValue;
import static io.octopods.stack.hostile.CallbackBodies.text;

import io.octopods.service.adapters.http.HttpServer;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Callback bodies of a provider's real shape, then mutated: unknown fields, wrong types, no report,
 * invalid UTF-8 (and a UTF-32 look-alike), truncated, not an object, no envelope, padded to just
 * under the 3 MiB limit; each with the answer the service owes a validly signed one. A report is
 * {@code {providerId, ourId or null, word}}; {@code a}, {@code b}, {@code c} are the sample's
 * random choices.
 */
final class MalformedCallbacks {
  private MalformedCallbacks() {}

  enum Shape {
    VALID,
    UNKNOWN_FIELDS,
    WRONG_ITEM_TYPES,
    NOT_A_REPORT,
    INVALID_UTF8,
    UTF32_LOOKALIKE,
    TRUNCATED,
    NOT_AN_OBJECT,
    NO_ENVELOPE,
    NEAR_LIMIT,
    OVER_LIMIT
  }

  /** A body and the answer to a validly signed callback carrying it. */
  record Body(byte[] bytes, ExpectedAnswer expect) {}

  static Body body(
      WebhookProvider p, boolean twilioJson, Shape shape, List<String[]> reports, int a, int b) {
    int n = reports.size();
    ExpectedAnswer ok = ExpectedAnswer.kept(n);
    boolean form = p == WebhookProvider.TWILIO && !twilioJson;
    switch (shape) {
      case UNKNOWN_FIELDS:
        {
          String[] extra = {
            "\"x_unknown\":1",
            "\"nested\":{\"deep\":[1,{\"a\":null}]}",
            "\"conversation\":{\"id\":\"c\"}",
            "\"pricing\":{\"billable\":true,\"category\":\"service\"}",
            "\"\u00e9t\u00e9\":\"\u2603\""
          };
          String fields = "Foo=bar&ChannelPrefix=sms&RawDlrDoneDate=2311261005&%E2%98%83=%E2%98%83";
          return new Body(
              Samples.utf8(text(p, twilioJson, reports, extra[a % extra.length], fields)), ok);
        }
      case WRONG_ITEM_TYPES:
        return WrongItemTypes.body(p, twilioJson, reports, a, b);
      case NOT_A_REPORT:
        return notAReport(p, twilioJson, reports, a);
      case INVALID_UTF8:
        return invalidUtf8(p, twilioJson, reports, a, b);
      case UTF32_LOOKALIKE:
        {
          // three NUL bytes first: JSON encoding detection (RFC 4627) takes it for UTF-32, whose
          // units are then invalid
          byte[] bytes =
              Samples.concat(
                  new byte[] {0, 0, 0}, Samples.utf8(text(p, twilioJson, reports, "", "")));
          // a form with NULs in front of the first name: the first parameter's name changes, still
          // a callback
          return new Body(bytes, form ? ok : ExpectedAnswer.of(400, "JSON"));
        }
      case TRUNCATED:
        return truncated(p, twilioJson, reports, a);
      case NOT_AN_OBJECT:
        {
          String[][] values = {
            {"[" + text(p, true, reports, "", "") + "]", "array"},
            {"\"delivered\"", "string"},
            {"42", "number"},
            {"true", "boolean"},
            {"null", "null"},
            {"[]", "array"}
          };
          String[] v = values[a % values.length];
          if (form) {
            // a form has no JSON type: the closest is a body with no parameters at all
            return new Body(
                Samples.utf8(b % 2 == 0 ? "" : "&&&"), ExpectedAnswer.of(400, "MessageStatus"));
          }
          return new Body(Samples.utf8(v[0]), ExpectedAnswer.of(400, "JSON " + v[1]));
        }
      case NO_ENVELOPE:
        return noEnvelope(p, twilioJson, reports, a);
      case NEAR_LIMIT:
        {
          String t = text(p, twilioJson, reports, "\"padding\":\"\"", "Padding=");
          int target = (int) (HttpServer.MAX_BODY - (a % 257));
          int pad = target - Samples.utf8(t).length;
          String filled =
              form
                  ? t.replace("Padding=", "Padding=" + "a".repeat(pad))
                  : t.replace("\"padding\":\"\"", "\"padding\":\"" + "a".repeat(pad) + "\"");
          return new Body(Samples.utf8(filled), ok);
        }
      case VALID:
      case OVER_LIMIT: // the body is only declared, over the limit
      default:
        return new Body(Samples.utf8(text(p, twilioJson, reports, "", "")), ok);
    }
  }

  private static Body invalidUtf8(
      WebhookProvider p, boolean twilioJson, List<String[]> reports, int a, int b) {
    byte[] bad = Samples.INVALID_UTF8[a % Samples.INVALID_UTF8.length];
    if (p == WebhookProvider.TWILIO && !twilioJson) {
      // raw bad bytes (or %XX of them) in a parameter that is no part of the report: still a
      // callback
      String head = text(p, false, reports, "", "") + "&Body=caf";
      byte[] tail = b % 2 == 0 ? bad : Samples.utf8(CallbackBodies.percent(bad));
      return new Body(
          Samples.concat(Samples.utf8(head), tail, Samples.utf8("e")),
          ExpectedAnswer.kept(reports.size()));
    }
    String marker = "\"zz_marker\":\"caf";
    String t = text(p, twilioJson, reports, marker + "e\"", "");
    int at = t.indexOf(marker) + marker.length();
    byte[] bytes =
        Samples.concat(Samples.utf8(t.substring(0, at)), bad, Samples.utf8(t.substring(at)));
    // the parser may refuse it (400, naming JSON or UTF-8) or, for sequences it does not check,
    // read it
    return new Body(bytes, new ExpectedAnswer(Set.of(200, 400), List.of("JSON"), reports.size()));
  }

  private static Body truncated(
      WebhookProvider p, boolean twilioJson, List<String[]> reports, int a) {
    byte[] t = Samples.utf8(text(p, twilioJson, reports, "", ""));
    int cut = a % t.length; // 0 .. length-1: never the whole body
    byte[] bytes = Arrays.copyOf(t, cut);
    if (p == WebhookProvider.TWILIO && !twilioJson) {
      boolean hasStatus =
          Samples.formParams(bytes).entrySet().stream()
              .anyMatch(
                  e ->
                      (e.getKey().equals("MessageStatus") || e.getKey().equals("SmsStatus"))
                          && !e.getValue().get(0).isBlank());
      return new Body(
          bytes, hasStatus ? ExpectedAnswer.kept(1) : ExpectedAnswer.of(400, "MessageStatus"));
    }
    return new Body(
        bytes, cut == 0 ? ExpectedAnswer.of(400, "empty") : ExpectedAnswer.of(400, "not JSON"));
  }

  private static Body notAReport(
      WebhookProvider p, boolean twilioJson, List<String[]> reports, int a) {
    switch (p) {
      case WHATSAPP:
        {
          // an inbound message and no statuses: ignored, 200
          String inbound =
              "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"value\":"
                  + "{\"messaging_product\":\"whatsapp\",\"messages\":[{\"from\":\"15551230001\",\"id\":\"wamid.in\","
                  + "\"timestamp\":\"1750030073\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]},"
                  + "\"field\":\"messages\"}]}]}";
          return new Body(
              Samples.utf8(a % 2 == 0 ? inbound : "{\"entry\":[]}"), ExpectedAnswer.kept(0));
        }
      case VIBER:
        {
          String[] events = {
            "webhook", "subscribed", "unsubscribed", "conversation_started", "message"
          };
          String e = events[a % events.length];
          return new Body(
              Samples.utf8(
                  "{\"event\":\""
                      + e
                      + "\",\"timestamp\":1457764197627,\"message_token\":"
                      + reports.get(0)[0]
                      + ",\"user\":{\"id\":\"01234567890A=\",\"name\":\"x\"}}"),
              ExpectedAnswer.kept(0));
        }
      default:
        // Twilio sends only status callbacks here: one without a status is no callback (400)
        return noEnvelope(p, twilioJson, reports, a);
    }
  }

  private static Body noEnvelope(
      WebhookProvider p, boolean twilioJson, List<String[]> reports, int a) {
    switch (p) {
      case WHATSAPP:
        {
          String t = text(p, false, reports, "", "");
          if (a % 3 == 0) {
            return new Body(
                Samples.utf8(t.replace("\"entry\":", "\"entries\":")),
                ExpectedAnswer.of(400, "'entry'"));
          }
          String[] notArrays = {"{}", "\"x\"", "1", "null"};
          return new Body(
              Samples.utf8(replaceValue(t, "\"entry\":", notArrays[a % notArrays.length])),
              ExpectedAnswer.of(400, "'entry'"));
        }
      case VIBER:
        {
          String t = text(p, false, reports, "", "");
          String[] events = {"1", "null", "\"\"", "\"  \"", "{}", "[\"delivered\"]"};
          String mutated =
              a % 4 == 0
                  ? t.replace("\"event\":", "\"evnt\":")
                  : replaceValue(t, "\"event\":", events[a % events.length]);
          return new Body(Samples.utf8(mutated), ExpectedAnswer.of(400, "'event'"));
        }
      default:
        {
          String t = text(p, twilioJson, reports, "", "");
          String s =
              twilioJson
                  ? t.replaceAll(
                      "\"(Message|Sms)Status\":\"[^\"]*\"",
                      a % 2 == 0 ? "\"$1State\":\"x\"" : "\"$1Status\":\"\"")
                  : t.replaceAll(
                      "(Message|Sms)Status=[^&]*", a % 2 == 0 ? "$1State=x" : "$1Status=");
          return new Body(Samples.utf8(s), ExpectedAnswer.of(400, "MessageStatus"));
        }
    }
  }
}
