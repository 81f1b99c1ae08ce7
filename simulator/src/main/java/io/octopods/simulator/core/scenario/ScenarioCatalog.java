package io.octopods.simulator.core.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every scenario a process knows, and the choice of one for a message: a binding of the recipient,
 * then {@code match.to} (uploads newest first, then folders in file name order, then the library by
 * id), then the provider's {@code <provider>-happy-path}.
 */
public final class ScenarioCatalog {
  /** A scenario with where it came from. */
  public record Entry(Scenario scenario, ScenarioSource source) {}

  private final Map<String, Scenario> library = new TreeMap<>();
  private final Map<String, Scenario> folders = new LinkedHashMap<>();
  private final LinkedHashMap<String, Scenario> uploads = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> bindings = new ConcurrentHashMap<>();

  public ScenarioCatalog(List<Scenario> library, List<Scenario> folders) {
    library.forEach(s -> this.library.put(s.id(), s));
    for (Scenario s : folders) {
      if (this.folders.putIfAbsent(s.id(), s) != null) {
        throw new ScenarioRejected(
            s.id(),
            List.of(
                new ScenarioProblem(
                    "/id",
                    "two files in the scenario folders have the id '"
                        + s.id()
                        + "': ids must be unique")));
      }
    }
  }

  /** Adds or replaces an upload; returns true when it replaced one of that id. */
  public synchronized boolean upload(Scenario scenario) {
    boolean replaced = find(scenario.id()).isPresent();
    uploads.remove(scenario.id());
    uploads.put(scenario.id(), scenario);
    return replaced;
  }

  public synchronized Optional<Entry> find(String id) {
    if (uploads.containsKey(id)) {
      return Optional.of(new Entry(uploads.get(id), ScenarioSource.UPLOAD));
    }
    if (folders.containsKey(id)) {
      return Optional.of(new Entry(folders.get(id), ScenarioSource.FOLDER));
    }
    return Optional.ofNullable(library.get(id)).map(s -> new Entry(s, ScenarioSource.LIBRARY));
  }

  /**
   * Every scenario of a provider, in the order {@code match.to} tries them; an id shadowed by an
   * upload or folder shows once.
   */
  public synchronized List<Entry> list(String provider) {
    Map<String, Entry> seen = new LinkedHashMap<>();
    List<Scenario> newestFirst = new ArrayList<>(uploads.values());
    java.util.Collections.reverse(newestFirst);
    newestFirst.forEach(s -> seen.putIfAbsent(s.id(), new Entry(s, ScenarioSource.UPLOAD)));
    folders.values().forEach(s -> seen.putIfAbsent(s.id(), new Entry(s, ScenarioSource.FOLDER)));
    library.values().forEach(s -> seen.putIfAbsent(s.id(), new Entry(s, ScenarioSource.LIBRARY)));
    return seen.values().stream().filter(e -> e.scenario().provider().equals(provider)).toList();
  }

  /** The scenario that plays a message of this provider to this (normalised) recipient. */
  public Scenario select(String provider, String recipient) {
    String bound = bindings.getOrDefault(provider, Map.of()).get(recipient);
    if (bound != null) {
      Optional<Entry> entry = find(bound);
      if (entry.isPresent()) {
        return entry.get().scenario();
      }
    }
    return list(provider).stream()
        .map(Entry::scenario)
        .filter(s -> s.matches(recipient))
        .findFirst()
        .or(() -> find(provider + "-happy-path").map(Entry::scenario))
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no scenario for "
                        + provider
                        + " and no "
                        + provider
                        + "-happy-path in the library"));
  }

  public void bind(String provider, String recipient, String scenarioId) {
    bindings.computeIfAbsent(provider, p -> new ConcurrentHashMap<>()).put(recipient, scenarioId);
  }

  public boolean unbind(String provider, String recipient) {
    return bindings.getOrDefault(provider, Map.of()).remove(recipient) != null;
  }

  /** Bindings of a provider, by recipient. */
  public Map<String, String> bindings(String provider) {
    return new TreeMap<>(bindings.getOrDefault(provider, Map.of()));
  }

  /** Forgets a provider's uploads and bindings; the library and folders stay. */
  public synchronized void reset(String provider) {
    uploads.values().removeIf(s -> s.provider().equals(provider));
    bindings.remove(provider);
  }
}
