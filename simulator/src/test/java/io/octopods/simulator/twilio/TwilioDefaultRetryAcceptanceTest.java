package io.octopods.simulator.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.SimulatorSettings;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.junit.OctopodsSimulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.SilentEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Twilio's default retry of a status callback, as integrators report it (providers.md 1.9): once,
 * right after a connection failure; never after a {@code 4xx}, a {@code 5xx} or a read timeout. The
 * StatusCallback fragment's connection overrides ({@code #rc=...&rp=...}) replace the default.
 */
@OctopodsSimulators(clock = "virtual")
class TwilioDefaultRetryAcceptanceTest {
  /** One {@code delivered} at 2 s. */
  private static final String ONE_CALLBACK = "twilio-a5-first-callback-delivered";

  private final CallbackReceiver receiver = new CallbackReceiver();
  private TwilioDriver twilio;

  @BeforeEach
  void isolate(Simulators sims) {
    twilio = new TwilioDriver(sims.baseUrl("twilio"));
    twilio.reset();
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void aConnectErrorIsRetriedOnceRightAfter() {
    String url = "http://127.0.0.1:" + closedPort() + "/webhooks/twilio?message_id=ours-1";
    twilio.bind("+15557020001", ONE_CALLBACK);
    Instant sentAt = now();
    String sid = twilio.sendAccepted("+15557020001", url);

    twilio.advance("PT1M");

    JsonNode attempts = twilio.journal(sid);
    assertThat(attempts).extracting(a -> a.get("attempt").asInt()).containsExactly(1, 2);
    assertThat(attempts)
        .allSatisfy(
            a -> {
              assertThat(a.get("outcome").asText()).isEqualTo("connect-error");
              assertThat(a.get("url").asText()).isEqualTo(url);
            });
    Instant due = sentAt.plusSeconds(2);
    assertThat(Instant.parse(attempts.get(0).get("due_at").asText())).isEqualTo(due);
    assertThat(Instant.parse(attempts.get(0).get("next_retry_at").asText()))
        .isEqualTo(due.plusSeconds(1));
    assertThat(Instant.parse(attempts.get(1).get("due_at").asText())).isEqualTo(due.plusSeconds(1));
    assertThat(attempts.get(1).get("next_retry_at").isNull()).as("one retry only").isTrue();
  }

  @Test
  void a5xxOrA4xxIsNotRetried() {
    for (int status : List.of(500, 503, 404, 400)) {
      receiver.answering(status);
      String to = "+1555702" + status;
      twilio.bind(to, ONE_CALLBACK);
      String sid =
          twilio.sendAccepted(to, receiver.url("/webhooks/twilio?message_id=ours-" + status));
      twilio.advance("PT1M");
      assertThat(twilio.journal(sid))
          .as("answered " + status)
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.get("outcome").asText()).isEqualTo("answered");
                assertThat(a.get("response_code").asInt()).isEqualTo(status);
                assertThat(a.get("next_retry_at").isNull()).isTrue();
              });
    }
  }

  @Test
  void aReadTimeoutIsNotRetried() {
    SimulatorSettings impatient =
        new SimulatorSettings(
            "127.0.0.1", 0, "virtual", 1.0, List.of(), Duration.ofMillis(300), 8, Optional.empty());
    try (Simulators sims = Simulators.start(impatient);
        SilentEndpoint silent = new SilentEndpoint()) {
      TwilioDriver own = new TwilioDriver(sims.baseUrl("twilio"));
      own.bind("+15557020002", ONE_CALLBACK);
      String sid =
          own.sendAccepted("+15557020002", silent.url("/webhooks/twilio?message_id=ours-2"));

      own.advance("PT1M");

      assertThat(own.journal(sid))
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.get("outcome").asText()).isEqualTo("timeout");
                assertThat(a.get("next_retry_at").isNull()).isTrue();
              });
    }
  }

  @Test
  void theFragmentOverridesTheDefault() {
    int closed = closedPort();
    twilio.bind("+15557020003", ONE_CALLBACK);
    String noRetry =
        twilio.sendAccepted("+15557020003", "http://127.0.0.1:" + closed + "/cb?m=3#rc=0");
    twilio.bind("+15557020004", ONE_CALLBACK);
    String serverErrorsOnly =
        twilio.sendAccepted("+15557020004", "http://127.0.0.1:" + closed + "/cb?m=4#rp=5xx");
    twilio.bind("+15557020005", ONE_CALLBACK);
    String threeRetries =
        twilio.sendAccepted("+15557020005", "http://127.0.0.1:" + closed + "/cb?m=5#rc=3");
    receiver.answering(500);
    twilio.bind("+15557020006", ONE_CALLBACK);
    String retried500 = twilio.sendAccepted("+15557020006", receiver.url("/cb?m=6#rc=1&rp=5xx"));

    twilio.advance("PT1M");

    assertThat(twilio.journal(noRetry)).as("rc=0").hasSize(1);
    assertThat(twilio.journal(serverErrorsOnly))
        .as("rp=5xx names no connection failure")
        .hasSize(1);
    assertThat(twilio.journal(threeRetries))
        .as("rc=3, rp defaulting to ct")
        .hasSize(4)
        .allSatisfy(a -> assertThat(a.get("outcome").asText()).isEqualTo("connect-error"));
    assertThat(twilio.journal(retried500))
        .as("rc=1&rp=5xx")
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.get("response_code").asInt()).isEqualTo(500));
  }

  private Instant now() {
    return Instant.parse(
        io.octopods.simulator.support.Http.get(twilio.base() + "/__sim/clock")
            .json()
            .get("now")
            .asText());
  }

  /** A port nobody listens on (a webhook URL whose connection is refused). */
  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
