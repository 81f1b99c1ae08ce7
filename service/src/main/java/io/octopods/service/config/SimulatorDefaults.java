package io.octopods.service.config;

/**
 * The simulators' published default credentials: with no provider settings, the service talks to
 * the simulators of {@code ./octopods sim}. A test keeps these equal to what the simulators
 * announce at in their admin info ({@code SimulatorClient.info}).
 */
public final class SimulatorDefaults {
  public static final String TWILIO_ACCOUNT_SID = "AC0c70b0d50c70b0d50c70b0d50c70b0d5";
  public static final String TWILIO_AUTH_TOKEN = "5ba7e0c70b0d5a5e17a1e5c0de5ec7e7";
  public static final String TWILIO_FROM = "+15005550006";
  public static final String WHATSAPP_API_VERSION = "v23.0";
  public static final String WHATSAPP_PHONE_NUMBER_ID = "106540352242922";
  public static final String WHATSAPP_ACCESS_TOKEN = "octopods-whatsapp-access-token";
  public static final String WHATSAPP_APP_SECRET = "octopods-whatsapp-app-secret";
  public static final String WHATSAPP_VERIFY_TOKEN = "octopods-verify-token";
  public static final String VIBER_AUTH_TOKEN = "octopods-viber-auth-token";
  public static final String HUBSPOT_ACCESS_TOKEN = "octopods-hubspot-access-token";
  public static final String HUBSPOT_EVENT_TEMPLATE_ID = "1001298";

  private SimulatorDefaults() {}
}
