package io.octopods.stack.hostile;

import static io.octopods.stack.hostile.CallbackBodies.replaceValue;
import static io.octopods.stack.hostile.CallbackBodies.text;

import io.octopods.stack.hostile.MalformedCallbacks.Body;
import java.util.List;

/**
 * Callbacks whose items have fields of the wrong type (a number for a string, an object for a
 * list...): the envelope is still readable, so each is a {@code 200} that keeps its reports
 * (providers.md: a provider retries anything else).
 */
final class WrongItemTypes {
  private static final String[] WRONG = {
    "123", "true", "{}", "[]", "null", "-1.5e300", "\"\"", "{\"x\":[1,2]}"
  };

  private WrongItemTypes() {}

  static Body body(WebhookProvider p, boolean twilioJson, List<String[]> reports, int a, int b) {
    String w = WRONG[b % WRONG.length];
    return switch (p) {
      case WHATSAPP -> whatsApp(reports, w, a, b);
      case VIBER -> {
        String[] fields = {"\"timestamp\":", "\"message_token\":", "\"user_id\":"};
        String field = fields[a % fields.length];
        // a token of the wrong type may leave no report (a word that is no receipt): not counted
        int kept = field.equals("\"message_token\":") ? -1 : 1;
        yield new Body(
            Samples.utf8(replaceValue(text(p, false, reports, "", ""), field, w)),
            ExpectedAnswer.kept(kept));
      }
      case TWILIO -> twilio(reports, twilioJson, w, a);
    };
  }

  private static Body whatsApp(List<String[]> reports, String w, int a, int b) {
    int n = reports.size();
    String t = text(WebhookProvider.WHATSAPP, false, reports, "", "");
    String[] fields = {
      "\"status\":",
      "\"timestamp\":",
      "\"id\":",
      "\"errors\":",
      "\"biz_opaque_callback_data\":",
      "\"recipient_id\":"
    };
    String field = fields[a % fields.length];
    int variant = (a / fields.length) % 4;
    if (variant == 0 && t.contains(field)) { // one item field of the wrong type: still a report
      return new Body(Samples.utf8(replaceValue(t, field, w)), ExpectedAnswer.kept(n));
    }
    if (variant
        == 1) { // items that are no objects: each is still kept, as a report without ids or word
      String t2 = t.replace("\"statuses\":[", "\"statuses\":[" + w + ",");
      return new Body(Samples.utf8(t2), ExpectedAnswer.kept(n + 1));
    }
    if (variant == 2) { // statuses or changes not arrays: nothing to report, an envelope still
      String t2 =
          b % 2 == 0
              ? t.replaceFirst("\"statuses\":\\[", "\"statuses\":{\"x\":[")
                  .replaceFirst("\\]\\},\"field\"", "]}},\"field\"")
              : t.replace("\"changes\":[", "\"changes\":\"no\",\"x\":[");
      return new Body(Samples.utf8(t2), ExpectedAnswer.kept(0));
    }
    // entries that are no objects are skipped; the object entry still counts
    return new Body(
        Samples.utf8(t.replace("\"entry\":[", "\"entry\":[" + w + ",")), ExpectedAnswer.kept(n));
  }

  private static Body twilio(List<String[]> reports, boolean twilioJson, String w, int a) {
    if (twilioJson) {
      String t = text(WebhookProvider.TWILIO, true, reports, "", "");
      String[] fields = {"\"ErrorCode\":", "\"MessageSid\":", "\"From\":", "\"ApiVersion\":"};
      String field = fields[a % fields.length];
      if (!t.contains(field)) {
        field = "\"From\":";
      }
      return new Body(Samples.utf8(replaceValue(t, field, w)), ExpectedAnswer.kept(1));
    }
    String t =
        text(
            WebhookProvider.TWILIO,
            false,
            reports,
            "",
            "ErrorCode=not-a-number&ErrorCode=42&MessageSid=&=x" + "&novalue&%zz=%");
    return new Body(Samples.utf8(t), ExpectedAnswer.kept(1));
  }
}
