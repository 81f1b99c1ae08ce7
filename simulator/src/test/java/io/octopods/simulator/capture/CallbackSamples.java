package io.octopods.simulator.capture;

import io.octopods.simulator.twilio.FormParams;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.twilio.TwilioSimulator;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.viber.ViberSimulator;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Realistic callbacks of each provider carrying chosen personal data: the recipient's number, an
 * e-mail address and a message text, placed where the providers put such data (docs/providers.md).
 */
final class CallbackSamples {
  /** What one callback carries: a recipient number (digits), an e-mail address, a text. */
  record Person(String digits, String email, String text) {}

  static final String PUBLIC_URL = "https://hooks.example.org";

  private CallbackSamples() {}

  /** A WhatsApp status for {@code p} (wamid in Meta's or the simulator's shape). */
  static Capture.Callback whatsAppStatus(Person p, boolean metaShape, int n) {
    String wamid = metaShape ? metaWamid(p.digits(), n) : simulatedWamid(p.digits(), n);
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
            + "\"statuses\":[{\"id\":\""
            + wamid
            + "\",\"status\":\"delivered\",\"timestamp\":\"1750030073\",\"recipient_id\":\""
            + p.digits()
            + "\",\"biz_opaque_callback_data\":\"contact="
            + p.email()
            + "\"}]}}]}]}";
    return whatsApp(body);
  }

  /** An inbound WhatsApp message from {@code p}: profile name, text with the e-mail and number. */
  static Capture.Callback whatsAppInbound(Person p, int n) {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
            + "\"contacts\":[{\"profile\":{\"name\":\""
            + p.text()
            + "\"},\"wa_id\":\""
            + p.digits()
            + "\"}],\"messages\":[{\"from\":\""
            + p.digits()
            + "\",\"id\":\""
            + metaWamid(p.digits(), n)
            + "\",\"timestamp\":\"1750030073\",\"type\":\"text\",\"text\":{\"body\":\""
            + p.text()
            + " write to "
            + p.email()
            + " or call +"
            + p.digits()
            + "\"}}]}}]}]}";
    return whatsApp(body);
  }

  private static Capture.Callback whatsApp(String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(
        WhatsAppSignature.HEADER,
        WhatsAppSignature.of(WhatsAppSimulator.APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
    return callback("/webhooks/whatsapp", "", headers, body);
  }

  /** A Twilio status (or inbound WhatsApp-through-Twilio) callback to {@code p}. */
  static Capture.Callback twilio(Person p, boolean whatsAppChannel) {
    String to = (whatsAppChannel ? "whatsapp:+" : "+") + p.digits();
    FormParams form =
        new FormParams(
            List.of(
                Map.entry("MessageSid", "SM0123456789abcdef0123456789abcdef"),
                Map.entry("AccountSid", TwilioSimulator.ACCOUNT_SID),
                Map.entry("From", "+14155552345"),
                Map.entry("To", to),
                Map.entry("WaId", p.digits()),
                Map.entry("ProfileName", p.text()),
                Map.entry("Body", p.text() + " " + p.email()),
                Map.entry("MessageStatus", "delivered")));
    String query = "contact=" + p.email().replace("@", "%40");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "127.0.0.1:8090");
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    headers.put(
        TwilioSignature.HEADER,
        TwilioSignature.of(
            TwilioSimulator.AUTH_TOKEN, PUBLIC_URL + "/twilio?" + query, form.asMap()));
    return callback("/twilio", query, headers, form.encode());
  }

  /** A Viber receipt whose receiver is {@code p}'s number (the simulated VBM shape). */
  static Capture.Callback viberReceipt(Person p) {
    return viber(
        "{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":4912661846655238145,"
            + "\"user_id\":\"+"
            + p.digits()
            + "\"}");
  }

  /** An inbound Viber message from a subscriber sharing {@code p} as a contact. */
  static Capture.Callback viberMessage(Person p) {
    return viber(
        "{\"event\":\"message\",\"timestamp\":1457764197627,\"message_token\":4912661846655238145,"
            + "\"sender\":{\"id\":\"01234567890A=\",\"name\":\""
            + p.text()
            + "\",\"avatar\":\"https://avatar.example.com/a.jpg\",\"country\":\"UA\",\"language\":\"uk\",\"api_version\":1},"
            + "\"message\":{\"type\":\"contact\",\"text\":\""
            + p.text()
            + " "
            + p.email()
            + "\",\"contact\":{\"name\":\""
            + p.text()
            + "\",\"phone_number\":\"+"
            + p.digits()
            + "\"},\"tracking_data\":\"mail="
            + p.email()
            + "\"}}");
  }

  private static Capture.Callback viber(String body) {
    String sig =
        ViberSignature.of(ViberSimulator.AUTH_TOKEN, body.getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put(ViberSignature.HEADER, sig);
    return callback("/webhooks/viber", "sig=" + sig, headers, body);
  }

  private static Capture.Callback callback(
      String path, String query, Map<String, String> headers, String body) {
    return new Capture.Callback(
        Instant.parse("2026-03-01T10:15:30Z"), "POST", path, query, headers, body, "valid", 200, 4);
  }

  /** A wamid as Meta makes them: base64 of 0x1C 0x18, the digit count, digits, then the rest. */
  static String metaWamid(String digits, int n) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x1C);
    b.write(0x18);
    b.write(digits.length());
    b.writeBytes(digits.getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {0x15, 0x02, 0x00, 0x11, 0x18, 0x12});
    b.writeBytes(String.format("%018X", n).getBytes(StandardCharsets.US_ASCII));
    b.write(0x00);
    return "wamid." + Base64.getEncoder().encodeToString(b.toByteArray());
  }

  /** A wamid in the simulator's shape. */
  static String simulatedWamid(String digits, int n) {
    return "wamid.HBgL"
        + Base64.getEncoder()
            .withoutPadding()
            .encodeToString(
                (digits + "FQIAERgS" + String.format("%018X", n))
                    .getBytes(StandardCharsets.US_ASCII));
  }
}
