package io.octopods.service.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.service.support.Messages;
import io.octopods.service.support.TestDatabase;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * No lost update on PostgreSQL (edge case A1): {@code delivered} and {@code read} for one message,
 * on two connections released together by a barrier, always end at {@code READ} with both reports
 * in the history. Without the row lock, the transaction that read {@code SENT} last would write
 * {@code DELIVERED} over {@code READ}.
 */
class ConcurrentReportsIT {
  @Test
  void twoRacingReportsNeverLoseTheHigherStatus() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (TestDatabase db = TestDatabase.postgres()) {
      JdbcMessageStore store = new JdbcMessageStore(db.database().dataSource());
      ReportIntake intake = new ReportIntake(store, Clock.systemUTC());
      for (int round = 0; round < 40; round++) {
        String wamid = "wamid.RACE" + round;
        MessageRecord m = Messages.sent("w", Channel.WHATSAPP, wamid);
        store.inTransaction(
            tx -> {
              tx.insert(m);
              return null;
            });
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> racers =
            List.of(
                pool.submit(
                    () ->
                        race(
                            together,
                            intake,
                            Messages.report(Channel.WHATSAPP, wamid, "delivered"))),
                pool.submit(
                    () ->
                        race(together, intake, Messages.report(Channel.WHATSAPP, wamid, "read"))));
        for (Future<?> f : racers) {
          f.get();
        }
        assertThat(store.find("w", m.messageId()).orElseThrow().status())
            .as("round " + round)
            .isEqualTo(Status.READ);
        assertThat(store.history(m.messageId())).hasSize(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Void race(
      CyclicBarrier together,
      ReportIntake intake,
      io.octopods.service.application.IncomingReport report)
      throws Exception {
    together.await();
    intake.apply(List.of(report), "callback");
    return null;
  }
}
