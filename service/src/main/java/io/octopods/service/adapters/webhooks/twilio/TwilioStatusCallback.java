package io.octopods.service.adapters.webhooks.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.webhooks.IncomingReports;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Twilio status callback (providers.md 1.4) leniently: {@code MessageSid} or {@code
 * SmsSid}, {@code MessageStatus} or {@code SmsStatus}, {@code ErrorCode} as text (absent or
 * non-numeric is fine), {@code ErrorMessage}; every other parameter is ignored. Twilio has no event
 * time, so there is no provider timestamp; {@code RawDlrDoneDate} (K1) stays in the raw payload
 * only. Our own id comes back as the {@code message_id} query parameter of the {@code
 * StatusCallback} URL.
 */
public final class TwilioStatusCallback {
  /** The query parameter of our {@code StatusCallback} URL that carries our message id. */
  public static final String OUR_ID_PARAM = "message_id";

  private TwilioStatusCallback() {}

  /**
   * The one report of a callback.
   *
   * @param params the decoded form (or JSON) parameters
   * @param ourMessageId the {@code message_id} query parameter, or {@code null}
   * @param raw the body as it came, kept as the report's raw payload
   * @throws MalformedEnvelope when neither {@code MessageStatus} nor {@code SmsStatus} is there:
   *     not a status callback
   */
  public static IncomingReport read(
      Map<String, List<String>> params, String ourMessageId, String raw) {
    String word = firstPresent(params, "MessageStatus", "SmsStatus");
    if (word == null) {
      throw new MalformedEnvelope(
          "it has no MessageStatus (or SmsStatus) parameter, so it is not a status callback; "
              + "expected form parameters like MessageSid=SM...&MessageStatus=delivered");
    }
    return IncomingReports.of(
        Channel.SMS,
        firstPresent(params, "MessageSid", "SmsSid"),
        ourMessageId,
        word,
        Optional.empty(),
        FormBody.first(params, "ErrorCode"),
        FormBody.first(params, "ErrorMessage"),
        raw);
  }

  /**
   * The parameters of a JSON body (a {@code bodySHA256} callback): every field of the object, as
   * text.
   */
  public static Map<String, List<String>> jsonParams(byte[] body) {
    JsonNode json;
    try {
      json = JsonBodies.parse(body);
    } catch (IllegalArgumentException e) {
      throw new MalformedEnvelope(e.getMessage());
    }
    if (!json.isObject()) {
      throw new MalformedEnvelope(
          "the body is a JSON "
              + json.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + ", expected an object of callback parameters");
    }
    Map<String, List<String>> params = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : json.properties()) {
      JsonNode value = field.getValue();
      if (value.isNull()) {
        continue;
      }
      params
          .computeIfAbsent(field.getKey(), k -> new ArrayList<>())
          .add(value.isValueNode() ? value.asText() : value.toString());
    }
    return params;
  }

  private static String firstPresent(Map<String, List<String>> params, String name, String alias) {
    String value = FormBody.first(params, name);
    if (value == null || value.isBlank()) {
      value = FormBody.first(params, alias);
    }
    return value == null || value.isBlank() ? null : value;
  }
}
