package io.octopods.service.adapters.webhooks.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.adapters.webhooks.IncomingReports;
import io.octopods.service.adapters.webhooks.ProviderTime;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;

/**
 * One {@code statuses[]} item (providers.md 2.4, H3: only what is needed): {@code id} (the wamid),
 * {@code status}, {@code timestamp} (string Unix seconds, K2), {@code biz_opaque_callback_data}
 * (our id, D1) and the first of {@code errors[]}: {@code code} and {@code title} (or {@code
 * message}); a missing or empty {@code errors} gives neither (F6).
 */
final class WhatsAppStatusItem {
  private WhatsAppStatusItem() {}

  static IncomingReport read(JsonNode item, String raw) {
    JsonNode error = firstError(item == null ? null : item.get("errors"));
    String title = text(error, "title");
    return IncomingReports.of(
        Channel.WHATSAPP,
        text(item, "id"),
        text(item, "biz_opaque_callback_data"),
        text(item, "status"),
        ProviderTime.fromSeconds(text(item, "timestamp")),
        text(error, "code"),
        title == null || title.isBlank() ? text(error, "message") : title,
        raw);
  }

  private static JsonNode firstError(JsonNode errors) {
    if (errors == null) {
      return null;
    }
    if (errors.isObject()) {
      return errors;
    }
    return errors.isArray() && !errors.isEmpty() && errors.get(0).isObject() ? errors.get(0) : null;
  }

  /**
   * A scalar field as text; {@code null} when missing, JSON {@code null}, an object or an array.
   */
  private static String text(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      return null;
    }
    JsonNode value = node.get(field);
    return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
  }
}
