package io.octopods.service.adapters.clients.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link WhatsAppClient} against the WhatsApp simulator over real HTTP, one scripted send answer
 * per test.
 */
@OctopodsSimulators(clock = "virtual")
class WhatsAppClientAcceptanceTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private SimulatorAdmin sim;
  private WhatsAppClient client;
  private String to;

  @BeforeEach
  void setUp(Simulators sims) {
    sim = new SimulatorAdmin(sims, "whatsapp");
    client = client(sim.baseUrl(), sim.credentials().get("access_token"));
    to = SimulatorAdmin.freshRecipient();
  }

  private WhatsAppClient client(String baseUrl, String token) {
    Map<String, String> c = sim.credentials();
    return new WhatsAppClient(
        baseUrl, c.get("api_version"), c.get("phone_number_id"), token, TIMEOUT);
  }

  private void play(String id, String send) {
    sim.play(to, "id: " + id + "\nprovider: whatsapp\ndescription: client test\nsend:\n" + send);
  }

  @Test
  void anAcceptedSendIsTheWamidAndTheSimulatorSawOurIdAsCorrelation() {
    MessageRecord m = SimulatorAdmin.message(Channel.WHATSAPP, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.Accepted.class);
    HandOffResult.Accepted a = (HandOffResult.Accepted) r;
    assertThat(a.providerMessageId()).matches("wamid\\.[A-Za-z0-9+/=_-]+");
    assertThat(a.providerWord()).isEqualTo("accepted");
    List<SimulatorClient.Message> seen = sim.messages(to);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).providerMessageId()).isEqualTo(a.providerMessageId());
    assertThat(seen.get(0).correlation().orElse("")).isEqualTo(m.messageId());
    assertThat(seen.get(0).attempts()).isEqualTo(1);
  }

  @Test
  void aRejectionIsMetasCodeAndTitle() {
    play("wa-client-reject", "  respond: reject\n  error: 131026\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isEqualTo(new HandOffResult.Rejected("131026", "Message Undeliverable"));
  }

  @Test
  void aRejectedTokenIsCode190() {
    WhatsAppClient wrongToken = client(sim.baseUrl(), "not-the-token");

    HandOffResult r = wrongToken.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
    assertThat(((HandOffResult.Rejected) r).code()).isEqualTo("190");
  }

  @Test
  void aThrottleIsRetryableWithRetryAfter() {
    play("wa-client-throttle", "  respond: throttle\n  retry_after: 7s\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    HandOffResult.Retryable t = (HandOffResult.Retryable) r;
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(t.why()).contains("429").contains("130429");
  }

  @Test
  void thePairRateLimitIsRetryableEvenWithHttp400() {
    play("wa-client-pair-limit", "  respond: throttle\n  error: 131056\n  http_status: 400\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).retryAfter()).isEmpty();
    assertThat(((HandOffResult.Retryable) r).why()).contains("131056");
  }

  @Test
  void aServerErrorIsRetryable() {
    play("wa-client-server-error", "  respond: server-error\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).why()).contains("500").contains("131000");
  }

  @Test
  void noAnswerAfterTheRequestWentOutIsTimedOutNotRetryable() {
    play("wa-client-timeout", "  respond: timeout\n  delay: 2s\n");
    MessageRecord m = SimulatorAdmin.message(Channel.WHATSAPP, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.TimedOut.class);
    assertThat(((HandOffResult.TimedOut) r).why()).contains("no answer within PT0.5S");
    List<SimulatorClient.Message> seen = sim.messages(to);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).correlation().orElse("")).isEqualTo(m.messageId());
  }

  @Test
  void aProviderThatCannotBeReachedIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    WhatsAppClient nowhere = client("http://127.0.0.1:" + closedPort, "token");

    HandOffResult r = nowhere.send(SimulatorAdmin.message(Channel.WHATSAPP, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).why())
        .contains("could not connect")
        .contains("nothing was sent");
    assertThat(((HandOffResult.Retryable) r).retryAfter()).isEqualTo(Optional.empty());
  }
}
