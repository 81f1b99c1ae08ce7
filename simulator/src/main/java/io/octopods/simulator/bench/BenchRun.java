package io.octopods.simulator.bench;

import io.octopods.simulator.core.callbacks.JournaledAttempt;
import io.octopods.simulator.core.clock.ScenarioClock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the phases of one run share: the simulator's clock, the receiver process, the GC pauses, the
 * summary being filled, and the phase the journal's attempts are heard for (attempts outside any
 * phase are strays).
 */
final class BenchRun {
  final ScenarioClock clock;
  final ReceiverProcess receiver;
  final GcPauses gcPauses;
  final Map<String, String> summary;
  private final AtomicLong strays = new AtomicLong();
  private volatile Phase phase;

  BenchRun(
      ScenarioClock clock,
      ReceiverProcess receiver,
      GcPauses gcPauses,
      Map<String, String> summary) {
    this.clock = clock;
    this.receiver = receiver;
    this.gcPauses = gcPauses;
    this.summary = summary;
  }

  /**
   * From now on, the attempts of {@code p}'s messages are counted for it; {@code null} for none.
   */
  void listen(Phase p) {
    phase = p;
  }

  void heard(JournaledAttempt a) {
    Phase p = phase;
    if (p != null && p.ids.contains(a.message())) {
      p.attempts.add(a);
      p.first.countDown();
      p.done.countDown();
    } else {
      strays.incrementAndGet();
    }
  }

  long strays() {
    return strays.get();
  }

  static void say(String line) {
    System.out.println(line);
    System.out.flush();
  }
}
