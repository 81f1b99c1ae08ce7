package io.octopods.service.adapters.workers;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way the service makes its own threads: daemons, so none of them keeps the JVM alive once
 * the service is closed, each named after its job so a thread dump says whose it is.
 */
public final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * Daemon threads all named {@code name}: for a job that runs on one thread (a loop, a shutdown
   * hook).
   */
  public static ThreadFactory named(String name) {
    return runnable -> daemon(runnable, name);
  }

  /** Daemon threads named {@code prefix1}, {@code prefix2}, ...: for the threads of a pool. */
  public static ThreadFactory numbered(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> daemon(runnable, prefix + count.incrementAndGet());
  }

  private static Thread daemon(Runnable runnable, String name) {
    Thread thread = new Thread(runnable, name);
    thread.setDaemon(true);
    return thread;
  }
}
