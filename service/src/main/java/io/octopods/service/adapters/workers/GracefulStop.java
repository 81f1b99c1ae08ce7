package io.octopods.service.adapters.workers;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * How a background worker that has stopped claiming ends: its loop thread is given the grace (plus a second) to
 * notice, the work in flight on its pool the grace to finish, and what still runs after that is interrupted.
 */
public final class GracefulStop {
  private GracefulStop() {}

  /**
   * @param loop the worker's loop thread, already told to stop and woken (null: it never started)
   * @param overtime told the grace when work was still running after it, just before that work is interrupted
   */
  public static void stop(Thread loop, ExecutorService pool, Duration grace, Consumer<Duration> overtime) {
    if (loop != null) {
      try {
        loop.join(grace.toMillis() + 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        overtime.accept(grace);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
