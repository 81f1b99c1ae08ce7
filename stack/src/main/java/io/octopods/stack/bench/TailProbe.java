package io.octopods.stack.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watches PostgreSQL during a phase from a connection of its own: every {@value #EVERY_MS} ms what
 * the service's backends ({@code application_name} = the bench schema) and the server's background
 * processes are doing ({@code pg_stat_activity}: running, or the event they wait on), and every
 * second its checkpoint and WAL counters ({@link PgActivity}). Each reading keeps its wall time, so
 * any span of the phase can be put beside them.
 */
final class TailProbe implements AutoCloseable {
  static final int EVERY_MS = 15;

  /** What a service backend not waiting on anything is doing. */
  static final String RUNNING = "running (CPU)";

  static final String IN_TRANSACTION = "idle in transaction (waiting for the service)";

  private static final String ACTIVITY =
      "SELECT backend_type, application_name = ?, state, wait_event_type, "
          + "wait_event FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND (application_name = ? OR backend_type "
          + "IN ('checkpointer', 'walwriter', 'background writer', 'autovacuum worker'))";

  /** One reading of {@code pg_stat_activity}: what each watched process was doing, by who it is. */
  record Sample(long atMs, Map<String, Integer> service, Map<String, String> background) {}

  /** One reading of the counters. */
  record Counters(long atMs, PgActivity activity) {}

  private final Connection connection;
  private final String applicationName;
  private final List<Sample> samples = new ArrayList<>();
  private final List<Counters> counters = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean stopped;

  TailProbe(Connection connection, String applicationName) {
    this.connection = connection;
    this.applicationName = applicationName;
    this.sampler = new Thread(this::sample, "bench-tail-probe");
    sampler.setDaemon(true);
    sampler.start();
  }

  private void sample() {
    long lastCounters = 0;
    try (PreparedStatement ps = connection.prepareStatement(ACTIVITY)) {
      ps.setString(1, applicationName);
      ps.setString(2, applicationName);
      while (!stopped) {
        long now = System.currentTimeMillis();
        if (now - lastCounters >= 1000) {
          counters.add(new Counters(now, PgActivity.read(connection)));
          lastCounters = now;
        }
        Map<String, Integer> service = new HashMap<>();
        Map<String, String> background = new HashMap<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String wait = rs.getString(5);
            String doing = wait == null ? RUNNING : rs.getString(4) + ":" + wait;
            String state = rs.getString(3);
            if (!rs.getBoolean(2)) {
              background.merge(rs.getString(1), doing, (a, b) -> a);
            } else if ("active".equals(state)) {
              service.merge(doing, 1, Integer::sum);
            } else if (state != null && state.startsWith("idle in transaction")) {
              service.merge(IN_TRANSACTION, 1, Integer::sum);
            }
          }
        }
        samples.add(new Sample(now, service, background));
        Thread.sleep(Math.max(1, EVERY_MS - (System.currentTimeMillis() - now)));
      }
      counters.add(new Counters(System.currentTimeMillis(), PgActivity.read(connection)));
    } catch (SQLException e) {
      BenchLog.say("tail probe stopped: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the probe and answers what it saw. */
  Evidence stop() throws InterruptedException {
    stopped = true;
    sampler.join(5_000);
    return new Evidence(List.copyOf(samples), List.copyOf(counters));
  }

  @Override
  public void close() throws Exception {
    stopped = true;
    sampler.join(5_000);
    connection.close();
  }

  /** The probe's readings, read by span of wall time ({@code [fromMs, toMs)}). */
  record Evidence(List<Sample> samples, List<Counters> counters) {
    int samplesIn(long fromMs, long toMs) {
      return (int) samples.stream().filter(s -> s.atMs() >= fromMs && s.atMs() < toMs).count();
    }

    /** The service backends' states, summed over the samples of the span. */
    Map<String, Integer> service(long fromMs, long toMs) {
      Map<String, Integer> all = new HashMap<>();
      samples.stream()
          .filter(s -> s.atMs() >= fromMs && s.atMs() < toMs)
          .forEach(s -> s.service().forEach((k, v) -> all.merge(k, v, Integer::sum)));
      return all;
    }

    /** One background process type's states over every sample. */
    Map<String, Integer> background(String type) {
      Map<String, Integer> all = new HashMap<>();
      samples.forEach(
          s -> {
            String doing = s.background().get(type);
            if (doing != null) {
              all.merge(doing, 1, Integer::sum);
            }
          });
      return all;
    }

    /**
     * Of the span's samples, the share in which a checkpoint was in progress (the checkpointer not
     * idle).
     */
    double checkpointInProgress(long fromMs, long toMs) {
      List<Sample> in =
          samples.stream().filter(s -> s.atMs() >= fromMs && s.atMs() < toMs).toList();
      long busy =
          in.stream()
              .filter(
                  s ->
                      !"Activity:CheckpointerMain"
                          .equals(
                              s.background()
                                  .getOrDefault("checkpointer", "Activity:CheckpointerMain")))
              .count();
      return in.isEmpty() ? Double.NaN : (double) busy / in.size();
    }

    /**
     * The counters' change from the last reading at or before {@code fromMs} to the first at or
     * after {@code toMs}, and the seconds between those readings; null when the span is not
     * bracketed by readings.
     */
    Counters change(long fromMs, long toMs) {
      Counters before = null;
      Counters after = null;
      for (Counters c : counters) {
        if (c.activity() == null) {
          continue;
        }
        if (c.atMs() <= fromMs) {
          before = c;
        }
        if (c.atMs() >= toMs && after == null) {
          after = c;
        }
      }
      return before == null || after == null
          ? null
          : new Counters(after.atMs() - before.atMs(), after.activity().minus(before.activity()));
    }

    PgActivity first() {
      return counters.isEmpty() ? null : counters.get(0).activity();
    }

    PgActivity last() {
      return counters.isEmpty() ? null : counters.get(counters.size() - 1).activity();
    }
  }
}
