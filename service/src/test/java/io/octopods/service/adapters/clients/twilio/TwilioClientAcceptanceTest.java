package io.octopods.service.adapters.clients.twilio;

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
 * {@link TwilioClient} against the Twilio simulator over real HTTP, one scripted send answer per
 * test.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioClientAcceptanceTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);
  private static final String PUBLIC_URL = "https://octopods.example.com";
  private static final String FROM = "+15005550006";

  private SimulatorAdmin sim;
  private String accountSid;
  private String authToken;
  private TwilioClient client;
  private String to;

  @BeforeEach
  void setUp(Simulators sims) {
    sim = new SimulatorAdmin(sims, "twilio");
    Map<String, String> c = sim.credentials();
    accountSid = c.get("account_sid");
    authToken = c.get("auth_token");
    client = client(sim.baseUrl(), authToken, Optional.empty());
    to = SimulatorAdmin.freshRecipient();
  }

  private TwilioClient client(String baseUrl, String token, Optional<String> messagingService) {
    return new TwilioClient(
        baseUrl, accountSid, token, FROM, messagingService, PUBLIC_URL, TIMEOUT);
  }

  private void play(String id, String send) {
    sim.play(to, "id: " + id + "\nprovider: twilio\ndescription: client test\nsend:\n" + send);
  }

  @Test
  void anAcceptedSendIsTheSidAndTheSimulatorSawOurIdInTheStatusCallback() {
    MessageRecord m = SimulatorAdmin.message(Channel.SMS, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.Accepted.class);
    HandOffResult.Accepted a = (HandOffResult.Accepted) r;
    assertThat(a.providerMessageId()).matches("SM[0-9a-f]{32}");
    assertThat(a.providerWord()).isEqualTo("queued");
    List<SimulatorClient.Message> seen = sim.messages(to);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).providerMessageId()).isEqualTo(a.providerMessageId());
    assertThat(seen.get(0).correlation().orElse("")).isEqualTo("message_id=" + m.messageId());
    assertThat(client.statusCallback(m.messageId()))
        .isEqualTo(PUBLIC_URL + "/webhooks/twilio?message_id=" + m.messageId());
  }

  @Test
  void withAMessagingServiceTheInitialWordIsAccepted() {
    TwilioClient viaService =
        client(sim.baseUrl(), authToken, Optional.of("MG" + "0c70b0d55e541ce0c70b0d55e541ce01"));

    HandOffResult r = viaService.send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Accepted.class);
    assertThat(((HandOffResult.Accepted) r).providerWord()).isEqualTo("accepted");
  }

  @Test
  void anUnsubscribedRecipientIsRejectedWith21610AndItsMessage() {
    play("twilio-client-21610", "  respond: reject\n  error: 21610\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r)
        .isEqualTo(
            new HandOffResult.Rejected("21610", "Attempt to send to unsubscribed recipient"));
  }

  @Test
  void wrongCredentialsAreRejectedWithTwiliosCode() {
    HandOffResult r =
        client(sim.baseUrl(), "0".repeat(32), Optional.empty())
            .send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
    assertThat(((HandOffResult.Rejected) r).code()).isEqualTo("20003");
  }

  @Test
  void aThrottleIsRetryableWithRetryAfter() {
    play("twilio-client-throttle", "  respond: throttle\n  retry_after: 3s\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    HandOffResult.Retryable t = (HandOffResult.Retryable) r;
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(3));
    assertThat(t.why()).contains("429").contains("20429");
  }

  @Test
  void code20429IsAThrottleWhateverTheHttpStatus() {
    play("twilio-client-throttle-400", "  respond: throttle\n  http_status: 400\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).why()).contains("400").contains("20429");
  }

  @Test
  void aServerErrorIsRetryable() {
    play("twilio-client-server-error", "  respond: server-error\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).why()).contains("500");
  }

  @Test
  void noAnswerAfterTheRequestWentOutIsTimedOutNotRetryable() {
    play("twilio-client-timeout", "  respond: timeout\n  delay: 2s\n");
    MessageRecord m = SimulatorAdmin.message(Channel.SMS, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.TimedOut.class);
    List<SimulatorClient.Message> seen = sim.messages(to);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).correlation().orElse("")).isEqualTo("message_id=" + m.messageId());
  }

  @Test
  void aProviderThatCannotBeReachedIsRetryable() throws IOException {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }

    HandOffResult r =
        client("http://127.0.0.1:" + closedPort, authToken, Optional.empty())
            .send(SimulatorAdmin.message(Channel.SMS, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
  }
}
