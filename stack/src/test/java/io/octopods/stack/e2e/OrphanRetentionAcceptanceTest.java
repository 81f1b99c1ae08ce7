package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.octopods.stack.support.StackUnderTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code OCTOPODS_ORPHAN_RETENTION} is honoured by the running service: Viber receipts for a token
 * nobody sent (D3) are kept as orphans, answered {@code 200}, and gone once older than the
 * retention (here 5 s).
 */
class OrphanRetentionAcceptanceTest {

  @Test
  void orphansAreKeptForTheRetentionThenDeleted() {
    try (StackUnderTest stack = StackUnderTest.start(Map.of("OCTOPODS_ORPHAN_RETENTION", "PT5S"))) {
      String to = stack.bindFresh("viber", "viber-d3-only-foreign-receipts");
      String id = stack.send("viber", to).path("message_id").asText();
      stack.awaitSettled("viber", id, to, Duration.ofSeconds(20));
      long before = stack.orphans();

      stack.advanceAll();

      assertThat(stack.orphans()).as("the two foreign receipts are kept").isEqualTo(before + 2);
      await("the orphans are deleted after the retention")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> stack.orphans() == 0);
      assertThat(stack.status("viber", id)).as("our message never saw them").isEqualTo("SENT");
    }
  }
}
