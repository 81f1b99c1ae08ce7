package io.octopods.simulator.core.callbacks;

import io.octopods.simulator.core.clock.ScenarioClock;
import io.octopods.simulator.core.clock.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Plays due callbacks in order: due time, then message arrival, then step, leaving out those the
 * receiver did not subscribe to. On the real clock a timer thread hands each due delivery to a lane
 * (one per message, so a message's callbacks keep their order); on the virtual clock nothing fires
 * until {@link #advance}, which delivers everything due, in order, each answered before the next.
 */
public final class CallbackScheduler implements AutoCloseable {
  private final ScenarioClock clock;
  private final CallbackDispatcher dispatcher;
  private final PriorityQueue<Delivery> queue = new PriorityQueue<>(Delivery.ORDER);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final Object advancing = new Object();
  private final ExecutorService[] lanes;
  private final Thread timer;
  private volatile boolean running = true;

  public CallbackScheduler(ScenarioClock clock, CallbackDispatcher dispatcher, int lanes) {
    this.clock = clock;
    this.dispatcher = dispatcher;
    if (clock instanceof VirtualClock) {
      this.lanes = new ExecutorService[0];
      this.timer = null;
    } else {
      this.lanes = new ExecutorService[lanes];
      for (int i = 0; i < lanes; i++) {
        this.lanes[i] = Executors.newSingleThreadExecutor(daemon("octopods-callbacks-" + i));
      }
      this.timer = daemon("octopods-callback-timer").newThread(this::runTimer);
      this.timer.start();
    }
  }

  public void schedule(Delivery delivery) {
    lock.lock();
    try {
      queue.add(delivery);
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Deliveries scheduled and not fired yet. */
  public int pending() {
    lock.lock();
    try {
      return queue.size();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets a provider's scheduled work. */
  public void reset(String provider) {
    lock.lock();
    try {
      queue.removeIf(d -> d.message().provider().equals(provider));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Moves a virtual clock forward, delivering in order everything that falls due on the way,
   * retries included; returns the attempts made.
   */
  public List<JournaledAttempt> advance(Duration by) {
    if (!(clock instanceof VirtualClock virtual)) {
      throw new IllegalStateException("the clock is real: only a virtual clock can be advanced");
    }
    synchronized (advancing) {
      Instant target = virtual.now().plus(by);
      List<JournaledAttempt> fired = new ArrayList<>();
      Delivery next;
      while ((next = pollDue(target)) != null) {
        virtual.moveTo(next.due());
        if (!subscribed(next)) {
          continue;
        }
        CallbackDispatcher.Result result = dispatcher.deliver(next);
        fired.add(result.attempt());
        result.retry().ifPresent(this::schedule);
      }
      virtual.moveTo(target);
      return fired;
    }
  }

  private Delivery pollDue(Instant until) {
    lock.lock();
    try {
      Delivery head = queue.peek();
      return head != null && !head.due().isAfter(until) ? queue.poll() : null;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Whether the receiver wants a delivery sent: asked of its first attempt when it falls due (a
   * callback it did not subscribe to is neither sent nor journaled); a retry follows an attempt
   * that was sent.
   */
  private static boolean subscribed(Delivery d) {
    return d.attempt() > 1 || d.message().subscribed(d.head());
  }

  private void runTimer() {
    while (running) {
      Delivery due = null;
      lock.lock();
      try {
        Delivery head = queue.peek();
        if (head == null) {
          changed.await();
        } else {
          long waitNanos = clock.wallDelayUntil(head.due()).toNanos();
          if (waitNanos > 0) {
            changed.awaitNanos(waitNanos);
          } else {
            due = queue.poll();
          }
        }
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      if (due != null && subscribed(due)) {
        Delivery d = due;
        lanes[Math.floorMod(Long.hashCode(d.message().seq()), lanes.length)].execute(
            () -> {
              CallbackDispatcher.Result result = dispatcher.deliver(d);
              result.retry().ifPresent(this::schedule);
            });
      }
    }
  }

  @Override
  public void close() {
    running = false;
    if (timer != null) {
      timer.interrupt();
    }
    for (ExecutorService lane : lanes) {
      lane.shutdownNow();
      try {
        lane.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
