package io.octopods.stack.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.simulator.SimulatorSettings;
import io.octopods.stack.Stack;
import io.octopods.stack.StackProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./octopods up --tls}: the simulators the stack starts serve HTTPS too, with their CA in
 * the stack's data directory, and the printed URLs name each provider's HTTPS port; the service
 * stays on HTTP.
 */
class UpTlsAcceptanceTest {
  @TempDir Path dataDir;

  @Test
  void theStackPassesTlsToItsSimulatorsAndPrintsTheirHttpsUrls() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("OCTOPODS_API_KEYS");
    env.remove("OCTOPODS_DB_URL");
    try (Stack stack =
        Stack.of(StackProfile.LOCAL)
            .flags(Map.of("--port-base", "0", "--data-dir", dataDir.toString()))
            .settings(env)
            .clock("virtual")
            .tls(SimulatorSettings.Tls.on())
            .start()) {
      List<String> lines = UpCommand.urlLines(stack);

      assertThat(lines).hasSize(10);
      String whatsappHttps = stack.simulators().httpsBaseUrl("whatsapp").orElseThrow();
      assertThat(lines.get(5))
          .startsWith("whatsapp")
          .contains(whatsappHttps)
          .contains("https://graph.facebook.com:");
      assertThat(lines.get(8)).startsWith("TLS:").contains(dataDir.resolve("ca.pem").toString());
      assertThat(lines.get(9)).startsWith("service").contains("http://");
      HttpResponse<String> info =
          trustingOnly(dataDir.resolve("ca.p12"))
              .send(
                  HttpRequest.newBuilder(URI.create(whatsappHttps + "/__sim/info")).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(info.statusCode()).isEqualTo(200);
      assertThat(info.body()).contains("\"https_base_url\":\"" + whatsappHttps + "\"");
    }
  }

  @Test
  void withoutTlsTheLinesAreTheFourSimulatorsAndTheService() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.remove("OCTOPODS_API_KEYS");
    env.remove("OCTOPODS_DB_URL");
    try (Stack stack =
        Stack.of(StackProfile.LOCAL)
            .flags(Map.of("--port-base", "0", "--data-dir", dataDir.toString()))
            .settings(env)
            .clock("virtual")
            .start()) {
      assertThat(UpCommand.urlLines(stack)).hasSize(5).noneMatch(l -> l.contains("https://"));
      assertThat(Files.exists(dataDir.resolve("ca.pem"))).isFalse();
    }
  }

  private static HttpClient trustingOnly(Path p12) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      store.load(in, "octopods".toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }
}
