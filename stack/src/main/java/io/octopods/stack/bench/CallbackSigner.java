package io.octopods.stack.bench;

import io.octopods.service.config.ProviderSettings;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.stack.bench.CallbackMix.Planned;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds provider callbacks as the providers send them and signs them with the simulator's signers
 * (providers.md): Twilio a form to {@code /webhooks/twilio?message_id=<ours>} with {@code
 * X-Twilio-Signature} over the public URL and the sorted parameters; Meta a notification with
 * {@code X-Hub-Signature-256}; Viber one event with {@code X-Viber-Content-Signature}. Each report
 * carries its key in an extra field ({@code BenchReport} / {@code bench_report}) that the service
 * ignores and keeps in the raw payload of its history event.
 */
final class CallbackSigner {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String JSON = "application/json";

  private final ProviderSettings providers;
  private final String publicUrl;

  CallbackSigner(ProviderSettings providers, String publicUrl) {
    this.providers = providers;
    this.publicUrl = publicUrl;
  }

  Callback sign(List<Planned> reports) {
    Planned first = reports.get(0);
    Callback.Visible visible =
        first.sample()
            ? new Callback.Visible(first.message().messageId(), CallbackMix.statusOf(first.word()))
            : null;
    List<String> keys = reports.stream().map(Planned::key).toList();
    long now = System.currentTimeMillis();
    return switch (first.message().channel()) {
      case SMS -> twilio(first, keys, visible);
      case WHATSAPP -> whatsapp(reports, keys, visible, now);
      case VIBER -> viber(first, keys, visible, now);
    };
  }

  private Callback twilio(Planned p, List<String> keys, Callback.Visible visible) {
    BenchMessage m = p.message();
    String path = "/webhooks/twilio?message_id=" + m.messageId();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("SmsSid", m.providerId());
    params.put("SmsStatus", p.word());
    params.put("MessageStatus", p.word());
    params.put("To", m.to());
    params.put("MessageSid", m.providerId());
    params.put("AccountSid", providers.twilio().accountSid());
    params.put("From", providers.twilio().from());
    params.put("ApiVersion", "2010-04-01");
    if (p.word().equals("undelivered")) {
      params.put("ErrorCode", "30003");
      params.put("ErrorMessage", "Unreachable destination handset");
    }
    params.put("BenchReport", p.key());
    byte[] body =
        params.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"))
            .getBytes(StandardCharsets.UTF_8);
    String signature = TwilioSignature.of(providers.twilio().authToken(), publicUrl + path, params);
    return new Callback(
        m.channel(),
        path,
        Map.of("Content-Type", FORM, TwilioSignature.HEADER, signature),
        body,
        keys,
        visible);
  }

  private Callback whatsapp(
      List<Planned> reports, List<String> keys, Callback.Visible visible, long now) {
    List<String> items = new ArrayList<>();
    for (Planned p : reports) {
      BenchMessage m = p.message();
      String errors =
          p.word().equals("failed")
              ? ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"
              : "";
      items.add(
          "{\"id\":\""
              + m.providerId()
              + "\",\"status\":\""
              + p.word()
              + "\",\"timestamp\":\""
              + now / 1000
              + "\",\"recipient_id\":\""
              + m.to().substring(1)
              + "\",\"biz_opaque_callback_data\":\""
              + m.messageId()
              + "\""
              + errors
              + ",\"bench_report\":\""
              + p.key()
              + "\"}");
    }
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
            + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\","
            + "\"phone_number_id\":\""
            + providers.whatsapp().phoneNumberId()
            + "\"},\"statuses\":["
            + String.join(",", items)
            + "]},\"field\":\"messages\"}]}]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String signature = WhatsAppSignature.of(providers.whatsapp().appSecret(), body);
    return new Callback(
        reports.get(0).message().channel(),
        "/webhooks/whatsapp",
        Map.of("Content-Type", JSON, WhatsAppSignature.HEADER, signature),
        body,
        keys,
        visible);
  }

  private Callback viber(Planned p, List<String> keys, Callback.Visible visible, long now) {
    BenchMessage m = p.message();
    String desc = p.word().equals("failed") ? ",\"desc\":\"Receiver is not a Viber user\"" : "";
    String json =
        "{\"event\":\""
            + p.word()
            + "\",\"timestamp\":"
            + now
            + ",\"chat_hostname\":\"SN-CHAT-05_\","
            + "\"message_token\":"
            + m.providerId()
            + ",\"user_id\":\"01234567890A=\""
            + desc
            + ",\"bench_report\":\""
            + p.key()
            + "\"}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String signature = ViberSignature.of(providers.viber().authToken(), body);
    return new Callback(
        m.channel(),
        "/webhooks/viber",
        Map.of("Content-Type", JSON, ViberSignature.HEADER, signature),
        body,
        keys,
        visible);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
