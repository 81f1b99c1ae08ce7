package io.octopods.simulator.core.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The journal keeps the newest attempts up to its capacity, per process, and every listener hears
 * every one.
 */
class CallbackJournalTest {

  private static JournaledAttempt attempt(
      CallbackJournal journal, String provider, String message) {
    return new JournaledAttempt(
        journal.nextSeq(),
        provider,
        message,
        0,
        "delivered",
        1,
        Instant.EPOCH,
        Instant.EPOCH,
        "http://127.0.0.1:9/webhooks/" + provider,
        Map.of(),
        "{}",
        null,
        JournaledAttempt.Outcome.ANSWERED,
        200,
        1L,
        null);
  }

  @Test
  void beyondItsCapacityTheOldestAttemptsAreForgottenButEveryOneIsHeard() {
    CallbackJournal journal = new CallbackJournal(3);
    List<Long> heard = new ArrayList<>();
    journal.onAttempt(a -> heard.add(a.seq()));

    for (int i = 0; i < 5; i++) {
      journal.record(attempt(journal, i % 2 == 0 ? "viber" : "whatsapp", "m" + i));
    }

    assertThat(heard).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(journal.list("viber", Optional.empty()))
        .extracting(JournaledAttempt::seq)
        .containsExactly(3L, 5L);
    assertThat(journal.list("whatsapp", Optional.empty()))
        .extracting(JournaledAttempt::seq)
        .containsExactly(4L);
    assertThat(journal.list("viber", Optional.of("m4")))
        .extracting(JournaledAttempt::message)
        .containsExactly("m4");
  }

  @Test
  void aResetForgetsOneProviderOnly() {
    CallbackJournal journal = new CallbackJournal();
    journal.record(attempt(journal, "viber", "a"));
    journal.record(attempt(journal, "twilio", "b"));

    journal.reset("viber");

    assertThat(journal.list("viber", Optional.empty())).isEmpty();
    assertThat(journal.list("twilio", Optional.empty())).hasSize(1);
  }
}
