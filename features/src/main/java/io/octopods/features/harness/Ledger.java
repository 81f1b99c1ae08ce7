package io.octopods.features.harness;

import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.InterfaceInfo;
import io.octopods.contracts.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one run of the harness exercised and what broke: per interface (exchanges, breaches), per
 * invariant of status-model.md (checks, violations), the checks that could not run and why, the
 * outcome of every scenario and property (with the providers it exercised), and what it reached of
 * the status model ({@link CoverageTally}). The reports are written from it; the gate's exit code
 * is decided by it.
 */
public final class Ledger {
  /** The message providers; HubSpot, Intercom and Reach are surfaces. */
  public static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");

  /** One interface of the catalog and what happened on it. */
  public static final class InterfaceTally {
    final InterfaceInfo info;
    long exercised;
    final List<Breach> breaches = new ArrayList<>();

    InterfaceTally(InterfaceInfo info) {
      this.info = info;
    }

    public String name() {
      return info.name();
    }

    public List<Breach> breaches() {
      return List.copyOf(breaches);
    }
  }

  /** A breach and the scenario that met it. */
  public record Breach(ContractBreach breach, String scenario) {}

  /** A broken invariant and where. */
  public record Violation(String message, String scenario) {}

  private final Map<String, InterfaceTally> interfaces = new LinkedHashMap<>();
  private final Map<String, long[]> checked = new TreeMap<>(Ledger::byNumber);
  private final Map<String, List<Violation>> broken = new TreeMap<>(Ledger::byNumber);
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Map<List<String>, Set<String>> skippedChecks = new LinkedHashMap<>();
  private final Set<String> providersOfTheTest = new LinkedHashSet<>();
  private final CoverageTally tally = new CoverageTally();
  private volatile String scenario = "(outside a scenario)";

  public Ledger(List<InterfaceInfo> catalog) {
    for (InterfaceInfo i : catalog) {
      interfaces.put(i.name(), new InterfaceTally(i));
    }
    for (int i = 1; i <= 15; i++) {
      checked.put("I" + i, new long[1]);
      broken.put("I" + i, new ArrayList<>());
    }
  }

  private static int byNumber(String a, String b) {
    return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
  }

  public void scenario(String name) {
    scenario = name;
  }

  public String scenario() {
    return scenario;
  }

  /** A scenario or property starts: it has exercised no provider yet. */
  public synchronized void testStarted(String name) {
    scenario = name;
    providersOfTheTest.clear();
  }

  /** The providers (twilio, whatsapp, viber) whose interfaces the running test exercised. */
  public synchronized Set<String> providersOfTheTest() {
    return Set.copyOf(providersOfTheTest);
  }

  public synchronized void exercised(Verdict verdict) {
    InterfaceTally t =
        interfaces.computeIfAbsent(
            verdict.interfaceName(),
            n ->
                new InterfaceTally(
                    new InterfaceInfo(
                        n, verdict.provider(), verdict.direction(), verdict.contractFile())));
    t.exercised++;
    if (PROVIDERS.contains(verdict.provider())) {
      providersOfTheTest.add(verdict.provider());
    }
    for (ContractBreach b : verdict.breaches()) {
      t.breaches.add(new Breach(b, scenario));
    }
  }

  /**
   * Checks one invariant: counts it, and when it does not hold records the violation and throws an
   * {@link InvariantBroken} whose message starts {@code invariant In broken:}.
   */
  public void invariant(String id, boolean holds, String message) {
    synchronized (this) {
      checked.computeIfAbsent(id, k -> new long[1])[0]++;
      if (holds) {
        return;
      }
      broken.computeIfAbsent(id, k -> new ArrayList<>()).add(new Violation(message, scenario));
    }
    throw new InvariantBroken(id, message);
  }

  public synchronized void outcome(Outcome outcome) {
    outcomes.add(outcome);
  }

  /** A check that cannot run in the current scenario, and why. */
  public synchronized void skipped(String check, String reason) {
    skippedChecks.computeIfAbsent(List.of(check, reason), k -> new LinkedHashSet<>()).add(scenario);
  }

  /** Records {@code check} as skipped in the current scenario unless it {@code runs}. */
  public void skippedUnless(boolean runs, OptionalCheck check) {
    if (!runs) {
      skipped(check.title(), check.reason());
    }
  }

  public synchronized List<SkippedCheck> skippedChecks() {
    List<SkippedCheck> list = new ArrayList<>();
    skippedChecks.forEach(
        (k, scenarios) -> list.add(new SkippedCheck(k.get(0), k.get(1), List.copyOf(scenarios))));
    return list;
  }

  /** What the run reached of the status model. */
  public CoverageTally tally() {
    return tally;
  }

  public synchronized List<InterfaceTally> interfaces() {
    return List.copyOf(interfaces.values());
  }

  public synchronized Map<String, Long> checked() {
    Map<String, Long> m = new LinkedHashMap<>();
    checked.forEach((k, v) -> m.put(k, v[0]));
    return m;
  }

  public synchronized Map<String, List<Violation>> broken() {
    Map<String, List<Violation>> m = new LinkedHashMap<>();
    broken.forEach((k, v) -> m.put(k, List.copyOf(v)));
    return m;
  }

  public synchronized List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  public synchronized long breachCount() {
    return interfaces.values().stream().mapToLong(t -> t.breaches.size()).sum();
  }

  public synchronized long violationCount() {
    return broken.values().stream().mapToLong(List::size).sum();
  }

  public synchronized long exchangeCount() {
    return interfaces.values().stream().mapToLong(t -> t.exercised).sum();
  }

  /**
   * An invariant of status-model.md that does not hold; its message starts {@code invariant In
   * broken:}.
   */
  public static final class InvariantBroken extends AssertionError {
    InvariantBroken(String id, String message) {
      super("invariant " + id + " broken: " + message);
    }
  }
}
