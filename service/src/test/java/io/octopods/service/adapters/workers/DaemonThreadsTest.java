package io.octopods.service.adapters.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadFactory;
import org.junit.jupiter.api.Test;

/** The service's threads never keep the JVM alive and say whose they are. */
class DaemonThreadsTest {
  private static final Runnable NOTHING = () -> {};

  @Test
  void namedThreadsAllCarryTheName() {
    ThreadFactory threads = DaemonThreads.named("octopods-test");

    Thread first = threads.newThread(NOTHING);
    Thread second = threads.newThread(NOTHING);

    assertThat(first.getName()).isEqualTo("octopods-test");
    assertThat(second.getName()).isEqualTo("octopods-test");
    assertThat(first.isDaemon()).isTrue();
  }

  @Test
  void numberedThreadsCountFromOne() {
    ThreadFactory threads = DaemonThreads.numbered("octopods-test-");

    Thread first = threads.newThread(NOTHING);
    Thread second = threads.newThread(NOTHING);

    assertThat(first.getName()).isEqualTo("octopods-test-1");
    assertThat(second.getName()).isEqualTo("octopods-test-2");
    assertThat(second.isDaemon()).isTrue();
  }
}
