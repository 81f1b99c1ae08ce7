package io.octopods.stack.bench;

import static io.octopods.stack.bench.BenchLog.say;

import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * The ceiling, after the load: the service's group sizes at saturation from the history ({@link
 * GroupSizes}), then saturation's reports replayed on the copies made before the load, grouped as
 * the service grouped them and one per transaction ({@link CeilingReplay}), each after the
 * warm-up's reports (at most {@value #WARM_SECONDS} s, not counted), which leave the messages as
 * the service found them at saturation.
 */
final class CeilingPhase {
  static final int WARM_SECONDS = 3;

  private final BenchOptions options;
  private final BenchStore store;
  private final CpuMeter cpu;
  private final PostgresPhases pg;

  CeilingPhase(BenchOptions options, BenchStore store, CpuMeter cpu, PostgresPhases pg) {
    this.options = options;
    this.store = store;
    this.cpu = cpu;
    this.pg = pg;
  }

  /**
   * @param pendingAtStart HubSpot events the service's pusher still has to push (its only work
   *     meanwhile)
   */
  void run(LoadPhases.Figures f, long pendingAtStart, Summary summary) throws Exception {
    List<List<ReplayReport>> warm;
    List<List<ReplayReport>> groups;
    try (Connection c = store.connect()) {
      warm = ReplayReport.groupsReceived(c, f.warmUp().startWallMs(), f.saturation().startWallMs());
      groups =
          ReplayReport.groupsReceived(
              c, f.saturation().startWallMs(), f.saturation().endWallMs() + 1);
    }
    GroupSizes sizes = GroupSizes.of(groups);
    say(
        "service's group transactions at saturation (history rows sharing xmin): "
            + sizes.describe());
    say(
        "ceiling: replays the warm-up's reports (not counted), then saturation's, on the copies; the service idles "
            + "meanwhile"
            + (pendingAtStart == 0
                ? " (its HubSpot backlog is drained)"
                : ", except its HubSpot pusher draining " + pendingAtStart + " events"));
    CeilingReplay replay = new CeilingReplay(store, cpu);
    CeilingReplay.Result grouped =
        replayed(
            replay,
            CeilingTables.GROUPED,
            CeilingReplay.Shape.GROUPED,
            warm,
            groups,
            options.ceilingConnections());
    CeilingReplay.Result single =
        replayed(
            replay,
            CeilingTables.SINGLE,
            CeilingReplay.Shape.SINGLE,
            warm,
            groups,
            options.connections);
    summary.put("group_size_mean", sizes.mean(), 2);
    summary.put("ceiling_per_s", grouped.reportsPerSecond(), 0);
    summary.put("ratio", f.saturation().reportsPerSecond() / grouped.reportsPerSecond(), 2);
    summary.put("ceiling_single_per_s", single.reportsPerSecond(), 0);
    summary.put(
        "ceiling_db_cpu_ms_per_report",
        CpuUse.per(grouped.cpu().databaseMs(), grouped.reports()),
        3);
  }

  private CeilingReplay.Result replayed(
      CeilingReplay replay,
      String tables,
      CeilingReplay.Shape shape,
      List<List<ReplayReport>> warm,
      List<List<ReplayReport>> groups,
      int connections)
      throws Exception {
    replay.run(tables, shape, warm, connections, WARM_SECONDS);
    PgActivity before = pg.counters();
    CeilingReplay.Result r = replay.run(tables, shape, groups, connections, options.ceilingSeconds);
    say(
        r.describe()
            + pg.line("ceiling (" + shape.name().toLowerCase(Locale.ROOT) + ")", before, -1, -1));
    return r;
  }
}
