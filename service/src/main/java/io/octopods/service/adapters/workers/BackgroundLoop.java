package io.octopods.service.adapters.workers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop: a named daemon thread that runs one {@link Pass} after another and, between
 * two passes, waits until it is woken ({@link #wake()}, from any thread) or the wait the pass asked
 * for has passed, the poll fallback that also picks up work nobody announced. {@link #close()}
 * stops it gracefully: no pass starts after it, the pass in flight is given the grace to finish
 * before its thread is interrupted, and the pool the passes hand work to (if any) is then given the
 * grace too before what still runs on it is interrupted.
 *
 * <p>Made with {@link #named(String)}; nothing runs before {@link #start()}.
 */
public final class BackgroundLoop implements AutoCloseable {
  /** How long the loop's thread is given to end once it was interrupted after the grace. */
  private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);

  /** One pass of a loop: the work due now. */
  @FunctionalInterface
  public interface Pass {
    /**
     * Does the work that is due and answers how long to wait for a wake-up before the next pass:
     * zero (or less) when more work is waiting, so the next pass runs at once.
     */
    Duration run();
  }

  private final String name;
  private final Duration pollInterval;
  private final Duration grace;
  private final boolean waitBeforeFirstPass;
  private final Optional<WorkPool> workPool;
  private final Pass pass;
  private final WakeSignal signal = new WakeSignal();
  private volatile boolean running;
  private volatile boolean closed;
  private Thread thread;

  private BackgroundLoop(Builder builder, Pass pass) {
    this.name = builder.name;
    this.pollInterval = builder.pollInterval;
    this.grace = builder.grace;
    this.waitBeforeFirstPass = builder.waitBeforeFirstPass;
    this.workPool = builder.workPool;
    this.pass = pass;
  }

  /** A loop whose thread is called {@code threadName}; see {@link Builder} for its settings. */
  public static Builder named(String threadName) {
    return new Builder(threadName);
  }

  /** Starts the loop on a thread of its own; a second call does nothing. */
  public synchronized BackgroundLoop start() {
    if (closed) {
      throw new IllegalStateException("the loop " + name + " was closed; make a new one");
    }
    if (thread == null) {
      running = true;
      thread = DaemonThreads.named(name).newThread(this::runPasses);
      thread.start();
    }
    return this;
  }

  /**
   * Ends the current (or next) wait at once, so the next pass runs now. Cheap; safe from any
   * thread, at any time.
   */
  public void wake() {
    signal.wake();
  }

  /** Whether passes may still run: started, not closed, and its thread not interrupted. */
  public boolean isRunning() {
    return running;
  }

  /** Whether {@link #close()} was called; work that runs long checks it to end early. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Stops the loop: no pass starts after this, the pass in flight has the grace to finish before
   * its thread is interrupted, then the work pool (if any) has the grace before it is interrupted.
   * Safe to call more than once.
   */
  @Override
  public void close() {
    Thread loopThread;
    synchronized (this) {
      running = false;
      closed = true;
      loopThread = thread;
    }
    signal.wake();
    if (loopThread != null && loopThread != Thread.currentThread()) {
      endGracefully(loopThread);
    }
    workPool.ifPresent(this::stopGracefully);
  }

  private void runPasses() {
    if (waitBeforeFirstPass && !await(pollInterval)) {
      return;
    }
    while (running) {
      Duration wait = runOnePass();
      if (!wait.isNegative() && !wait.isZero() && !await(wait)) {
        return;
      }
    }
  }

  private Duration runOnePass() {
    try {
      return pass.run();
    } catch (RuntimeException e) {
      LOG.error("a pass of {} failed: {}; trying again in {}", name, e.toString(), pollInterval, e);
      return pollInterval;
    }
  }

  /**
   * Waits for a wake-up, the timeout or close; false (and the loop ends) when the thread was
   * interrupted.
   */
  private boolean await(Duration timeout) {
    if (signal.await(timeout, () -> running)) {
      return true;
    }
    running = false;
    return false;
  }

  private void endGracefully(Thread loopThread) {
    try {
      loopThread.join(grace.toMillis());
      if (loopThread.isAlive()) {
        loopThread.interrupt();
        loopThread.join(AFTER_INTERRUPT.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopGracefully(WorkPool work) {
    work.pool().shutdown();
    try {
      if (!work.pool().awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        work.overtime().accept(grace);
        work.pool().shutdownNow();
      }
    } catch (InterruptedException e) {
      work.pool().shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "BackgroundLoop[" + name + ", poll=" + pollInterval + ", grace=" + grace + "]";
  }

  /** The pool the passes hand work to, and what to say when that work outlasts the grace. */
  private record WorkPool(ExecutorService pool, Consumer<Duration> overtime) {}

  /**
   * The settings of a loop: its poll interval, its grace on close, and what it stops along with
   * itself.
   */
  public static final class Builder {
    private final String name;
    private Duration pollInterval;
    private Duration grace = Duration.ofSeconds(5);
    private boolean waitBeforeFirstPass;
    private Optional<WorkPool> workPool = Optional.empty();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name);
    }

    /**
     * The wait before a pass is retried when it threw, and before the first pass when {@link
     * #waitBeforeFirstPass()} asks for it; passes answer their own waits otherwise (usually this
     * one). Required.
     */
    public Builder polling(Duration interval) {
      this.pollInterval = positive(interval, "poll interval");
      return this;
    }

    /**
     * How long a pass in flight, then the work pool, may run on after {@link #close()}; 5 s unless
     * set.
     */
    public Builder grace(Duration grace) {
      this.grace = positive(grace, "grace");
      return this;
    }

    /**
     * Waits the poll interval (or a wake-up) before the first pass instead of running it at start.
     */
    public Builder waitBeforeFirstPass() {
      this.waitBeforeFirstPass = true;
      return this;
    }

    /**
     * The pool the passes hand work to: shut down after the loop's thread, with the same grace.
     *
     * @param overtime told the grace when work was still running after it, just before that work is
     *     interrupted
     */
    public Builder handingWorkTo(ExecutorService pool, Consumer<Duration> overtime) {
      this.workPool =
          Optional.of(new WorkPool(Objects.requireNonNull(pool), Objects.requireNonNull(overtime)));
      return this;
    }

    /** The loop running {@code pass}, not yet started. */
    public BackgroundLoop build(Pass pass) {
      if (pollInterval == null) {
        throw new IllegalStateException("the loop " + name + " needs a poll interval");
      }
      return new BackgroundLoop(this, Objects.requireNonNull(pass));
    }

    private static Duration positive(Duration duration, String what) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(
            "a loop's " + what + " must be positive, was " + duration);
      }
      return duration;
    }
  }
}
