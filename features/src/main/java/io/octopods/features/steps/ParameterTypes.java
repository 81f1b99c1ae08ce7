package io.octopods.features.steps;

import io.cucumber.java.ParameterType;
import java.util.Locale;

/** The words of the feature files: providers by their names, statuses in capitals. */
public final class ParameterTypes {
  @ParameterType("Twilio|WhatsApp|Viber|SMS|twilio|whatsapp|viber|sms")
  public String provider(String name) {
    String p = name.toLowerCase(Locale.ROOT);
    return "sms".equals(p) ? "twilio" : p;
  }

  @ParameterType("UNKNOWN|SENT|DELIVERED|READ|FAILED|DELETED")
  public String status(String status) {
    return status;
  }
}
