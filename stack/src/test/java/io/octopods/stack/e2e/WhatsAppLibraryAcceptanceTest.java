package io.octopods.stack.e2e;

/** The WhatsApp half of the library, played end to end ({@link LibraryScenariosAcceptanceTest}). */
class WhatsAppLibraryAcceptanceTest extends LibraryScenariosAcceptanceTest {
  @Override
  boolean plays(String provider) {
    return provider.equals("whatsapp");
  }
}
