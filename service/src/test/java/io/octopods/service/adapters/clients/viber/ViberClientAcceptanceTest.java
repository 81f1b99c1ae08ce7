package io.octopods.service.adapters.clients.viber;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.clients.SimulatorAdmin;
import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link ViberClient} against the Viber simulator over real HTTP, one scripted send answer per
 * test.
 */
@OctopodsSimulators(clock = "virtual")
class ViberClientAcceptanceTest {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private SimulatorAdmin sim;
  private ViberClient client;
  private String to;

  @BeforeEach
  void setUp(Simulators sims) {
    sim = new SimulatorAdmin(sims, "viber");
    client =
        new ViberClient(sim.baseUrl(), sim.credentials().get("auth_token"), "Octopods", TIMEOUT);
    to = SimulatorAdmin.freshRecipient();
  }

  private void play(String id, String send) {
    sim.play(to, "id: " + id + "\nprovider: viber\ndescription: client test\nsend:\n" + send);
  }

  @Test
  void anAcceptedSendKeepsEveryDigitOfTheTokenAndTheSimulatorSawOurTrackingData() {
    MessageRecord m = SimulatorAdmin.message(Channel.VIBER, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.Accepted.class);
    HandOffResult.Accepted a = (HandOffResult.Accepted) r;
    assertThat(a.providerMessageId()).matches("[1-9]\\d*");
    assertThat(new BigInteger(a.providerMessageId())).isGreaterThan(BigInteger.TWO.pow(53));
    assertThat(a.providerWord()).isEqualTo("0");
    List<SimulatorClient.Message> seen = sim.messages(to);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).providerMessageId()).isEqualTo(a.providerMessageId());
    assertThat(seen.get(0).correlation().orElse("")).isEqualTo(m.messageId());
  }

  @Test
  void aRefusalIsViberColonStatusWithTheStatusMessage() {
    play("viber-client-not-subscribed", "  respond: reject\n  error: 6\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.VIBER, to));

    assertThat(r).isEqualTo(new HandOffResult.Rejected("viber:6", "receiverNotSubscribed"));
  }

  @Test
  void aWrongAuthTokenIsRefusedWithStatus2() {
    ViberClient wrong = new ViberClient(sim.baseUrl(), "not-the-token", "Octopods", TIMEOUT);

    HandOffResult r = wrong.send(SimulatorAdmin.message(Channel.VIBER, to));

    assertThat(r).isInstanceOf(HandOffResult.Rejected.class);
    assertThat(((HandOffResult.Rejected) r).code()).isEqualTo("viber:2");
  }

  @Test
  void status12IsAThrottleWithRetryAfter() {
    play("viber-client-throttle", "  respond: throttle\n  retry_after: 4s\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.VIBER, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    HandOffResult.Retryable t = (HandOffResult.Retryable) r;
    assertThat(t.why()).contains("status 12");
    assertThat(t.retryAfter()).contains(Duration.ofSeconds(4));
  }

  @Test
  void aServerErrorIsRetryable() {
    play("viber-client-server-error", "  respond: server-error\n");

    HandOffResult r = client.send(SimulatorAdmin.message(Channel.VIBER, to));

    assertThat(r).isInstanceOf(HandOffResult.Retryable.class);
    assertThat(((HandOffResult.Retryable) r).why()).contains("500");
  }

  @Test
  void noAnswerAfterTheRequestWentOutIsTimedOutNotRetryable() {
    play("viber-client-timeout", "  respond: timeout\n  delay: 2s\n");
    MessageRecord m = SimulatorAdmin.message(Channel.VIBER, to);

    HandOffResult r = client.send(m);

    assertThat(r).isInstanceOf(HandOffResult.TimedOut.class);
    assertThat(sim.messages(to))
        .singleElement()
        .satisfies(s -> assertThat(s.correlation().orElse("")).isEqualTo(m.messageId()));
  }
}
