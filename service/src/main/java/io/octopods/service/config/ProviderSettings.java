package io.octopods.service.config;

import java.util.Optional;

/**
 * Where and how the service reaches each provider and HubSpot; unset values are the simulators'
 * published defaults.
 */
public record ProviderSettings(Twilio twilio, WhatsApp whatsapp, Viber viber, HubSpot hubspot) {
  /** Twilio's REST API. */
  public record Twilio(
      String baseUrl,
      String accountSid,
      String authToken,
      String from,
      Optional<String> messagingServiceSid) {}

  /** The WhatsApp Cloud API (Graph API). */
  public record WhatsApp(
      String baseUrl,
      String apiVersion,
      String phoneNumberId,
      String accessToken,
      String appSecret,
      String verifyToken) {}

  /** Viber's REST Bot API. */
  public record Viber(String baseUrl, String authToken, String senderName) {}

  /**
   * HubSpot's timeline events API.
   *
   * @param batchSize events per {@code batch/create} call ({@code OCTOPODS_HUBSPOT_BATCH_SIZE}, 1
   *     to 100)
   */
  public record HubSpot(String baseUrl, String accessToken, String eventTemplateId, int batchSize) {
    public static final int DEFAULT_BATCH_SIZE = 100;
  }

  static ProviderSettings read(Settings s, String simulatorHost, int portBase) {
    String sim = "http://" + simulatorHost + ":";
    return new ProviderSettings(
        new Twilio(
            s.get(null, "OCTOPODS_TWILIO_BASE_URL", sim + (portBase + 1)),
            s.get(null, "OCTOPODS_TWILIO_ACCOUNT_SID", SimulatorDefaults.TWILIO_ACCOUNT_SID),
            s.get(null, "OCTOPODS_TWILIO_AUTH_TOKEN", SimulatorDefaults.TWILIO_AUTH_TOKEN),
            s.get(null, "OCTOPODS_TWILIO_FROM", SimulatorDefaults.TWILIO_FROM),
            s.get(null, "OCTOPODS_TWILIO_MESSAGING_SERVICE_SID")),
        new WhatsApp(
            s.get(null, "OCTOPODS_WHATSAPP_BASE_URL", sim + (portBase + 2)),
            s.get(null, "OCTOPODS_WHATSAPP_API_VERSION", SimulatorDefaults.WHATSAPP_API_VERSION),
            s.get(
                null,
                "OCTOPODS_WHATSAPP_PHONE_NUMBER_ID",
                SimulatorDefaults.WHATSAPP_PHONE_NUMBER_ID),
            s.get(null, "OCTOPODS_WHATSAPP_ACCESS_TOKEN", SimulatorDefaults.WHATSAPP_ACCESS_TOKEN),
            s.get(null, "OCTOPODS_WHATSAPP_APP_SECRET", SimulatorDefaults.WHATSAPP_APP_SECRET),
            s.get(null, "OCTOPODS_WHATSAPP_VERIFY_TOKEN", SimulatorDefaults.WHATSAPP_VERIFY_TOKEN)),
        new Viber(
            s.get(null, "OCTOPODS_VIBER_BASE_URL", sim + (portBase + 3)),
            s.get(null, "OCTOPODS_VIBER_AUTH_TOKEN", SimulatorDefaults.VIBER_AUTH_TOKEN),
            s.get(null, "OCTOPODS_VIBER_SENDER_NAME", "Octopods")),
        new HubSpot(
            s.get(null, "OCTOPODS_HUBSPOT_BASE_URL", sim + (portBase + 4)),
            s.get(null, "OCTOPODS_HUBSPOT_ACCESS_TOKEN", SimulatorDefaults.HUBSPOT_ACCESS_TOKEN),
            s.get(
                null,
                "OCTOPODS_HUBSPOT_EVENT_TEMPLATE_ID",
                SimulatorDefaults.HUBSPOT_EVENT_TEMPLATE_ID),
            s.integer(null, "OCTOPODS_HUBSPOT_BATCH_SIZE", HubSpot.DEFAULT_BATCH_SIZE)));
  }
}
