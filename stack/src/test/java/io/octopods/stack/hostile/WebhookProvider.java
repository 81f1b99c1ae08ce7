package io.octopods.stack.hostile;

import io.octopods.service.config.SimulatorDefaults;
import java.util.List;
import java.util.Locale;

/**
 * A provider whose callbacks the service takes: its channel, webhook path, signature header and
 * secret.
 */
enum WebhookProvider {
  TWILIO("sms", "X-Twilio-Signature"),
  WHATSAPP("whatsapp", "X-Hub-Signature-256"),
  VIBER("viber", "X-Viber-Content-Signature");

  final String channel;
  final String signatureHeader;

  WebhookProvider(String channel, String signatureHeader) {
    this.channel = channel;
    this.signatureHeader = signatureHeader;
  }

  String path() {
    return "/webhooks/" + name().toLowerCase(Locale.ROOT);
  }

  /** The simulators' published signing secret (providers.md 1.6, 2.7, 3.5). */
  String secret() {
    return switch (this) {
      case TWILIO -> SimulatorDefaults.TWILIO_AUTH_TOKEN;
      case WHATSAPP -> SimulatorDefaults.WHATSAPP_APP_SECRET;
      case VIBER -> SimulatorDefaults.VIBER_AUTH_TOKEN;
    };
  }

  /** The provider's status words, with some it never sends (unknown, wrong case, blank, padded). */
  List<String> words() {
    return switch (this) {
      case TWILIO ->
          List.of(
              "sent",
              "delivered",
              "undelivered",
              "failed",
              "queued",
              "sending",
              "read",
              "warp_speed",
              " SENT ");
      case WHATSAPP ->
          List.of(
              "sent",
              "delivered",
              "read",
              "failed",
              "deleted",
              "played",
              "warning",
              "DELIVERED",
              "");
      case VIBER -> List.of("delivered", "seen", "failed", "expired", "DELIVERED", "teleported");
    };
  }

  /** The provider's status words a real callback carries, for replays. */
  List<String> replayWords() {
    return switch (this) {
      case TWILIO -> List.of("sent", "delivered", "undelivered", "failed");
      case WHATSAPP -> List.of("sent", "delivered", "read", "failed", "deleted");
      case VIBER -> List.of("delivered", "failed", "expired");
    };
  }

  /** A provider message id of the provider's form that no message has. */
  String unknownId(int seed) {
    String n = String.format(Locale.ROOT, "%016x", (long) seed * 0x9E3779B97F4A7C15L);
    return switch (this) {
      case TWILIO -> "SMffff" + n + "0000000000";
      case WHATSAPP -> "wamid.HOSTILE" + n;
      case VIBER ->
          "9" + Long.toUnsignedString(Long.parseUnsignedLong(n, 16) % 100_000_000_000_000_000L);
    };
  }
}
