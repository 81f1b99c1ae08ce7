package io.octopods.simulator.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CA is made once into {@code <data-dir>/ca.pem} and {@code ca.p12} and reused by every later
 * start, so what a team once trusted stays trusted; each file alone is enough for a client to trust
 * the simulators.
 */
class CaFilesAcceptanceTest {
  @TempDir Path dataDir;

  @Test
  void theFirstStartMakesTheCaAndTheNextOnesKeepIt() throws Exception {
    byte[] pem;
    byte[] p12;
    try (Simulators first = start()) {
      assertThat(first.tls().orElseThrow().caCreated()).isTrue();
      pem = Files.readAllBytes(dataDir.resolve("ca.pem"));
      p12 = Files.readAllBytes(dataDir.resolve("ca.p12"));
    }
    TlsClient trustingTheFirstCa = TlsClient.trustingOnly(dataDir.resolve("ca.p12"));

    try (Simulators second = start()) {
      assertThat(second.tls().orElseThrow().caCreated()).isFalse();
      assertThat(Files.readAllBytes(dataDir.resolve("ca.pem"))).isEqualTo(pem);
      assertThat(Files.readAllBytes(dataDir.resolve("ca.p12"))).isEqualTo(p12);
      assertThat(
              trustingTheFirstCa
                  .get(second.httpsBaseUrl("twilio").orElseThrow() + "/__sim/info")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void caPemAloneIsEnoughToTrustTheSimulatorsAsNodeOrPythonWould() throws Exception {
    try (Simulators sims = start()) {
      X509Certificate ca;
      try (InputStream in = Files.newInputStream(dataDir.resolve("ca.pem"))) {
        ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      }
      KeyStore onlyPem = KeyStore.getInstance("PKCS12");
      onlyPem.load(null, null);
      onlyPem.setCertificateEntry("ca", ca);
      Path store = dataDir.resolve("from-pem.p12");
      try (var out = Files.newOutputStream(store)) {
        onlyPem.store(out, "octopods".toCharArray());
      }

      assertThat(ca.getBasicConstraints()).as("a CA certificate").isGreaterThanOrEqualTo(0);
      assertThat(
              TlsClient.trustingOnly(store)
                  .get(sims.httpsBaseUrl("viber").orElseThrow() + "/__sim/info")
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void aLostCaPemIsWrittenAgainFromTheKeptCa() throws Exception {
    byte[] pem;
    try (Simulators first = start()) {
      pem = Files.readAllBytes(dataDir.resolve("ca.pem"));
    }
    Files.delete(dataDir.resolve("ca.pem"));

    try (Simulators second = start()) {
      assertThat(second.tls().orElseThrow().caCreated()).isFalse();
      assertThat(Files.readAllBytes(dataDir.resolve("ca.pem"))).isEqualTo(pem);
    }
  }

  @Test
  void anUnreadableCaP12StopsTheStartSayingHowToMakeANewOne() throws Exception {
    Files.writeString(dataDir.resolve("ca.p12"), "not a key store");

    assertThatThrownBy(this::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(dataDir.resolve("ca.p12").toString())
        .hasMessageContaining("password 'octopods'")
        .hasMessageContaining("Delete");
  }

  private Simulators start() {
    return Simulators.start(
        SimulatorSettings.forTests("virtual").withTls(SimulatorSettings.Tls.on(), dataDir));
  }
}
