package io.octopods.stack.e2e;

/**
 * The Twilio and Viber half of the library, played end to end ({@link
 * LibraryScenariosAcceptanceTest}).
 */
class TwilioAndViberLibraryAcceptanceTest extends LibraryScenariosAcceptanceTest {
  @Override
  boolean plays(String provider) {
    return !provider.equals("whatsapp");
  }
}
