package io.octopods.features.harness;

import io.octopods.contracts.StatusModel;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run reached of the status model: the transitions of every message whose history the
 * harness read (a message read twice counts once, with its latest history), and the statuses each
 * surface showed when the harness checked that they agree.
 */
public final class CoverageTally {
  private final Map<String, List<Transition>> byMessage = new LinkedHashMap<>();
  private final Map<String, Map<String, Long>> shown = new LinkedHashMap<>();

  /** The transitions of one message's history, as read now. */
  public synchronized void history(String messageId, List<Transition> transitions) {
    byMessage.put(messageId, List.copyOf(transitions));
  }

  /**
   * What each surface shows, in the order of {@link SurfaceSnapshot#SURFACES}; a status outside the
   * six (or a surface that could not be read) is not counted here (I1 reports it).
   */
  public synchronized void surfaces(List<String> statuses) {
    for (int i = 0; i < statuses.size() && i < SurfaceSnapshot.SURFACES.size(); i++) {
      String status = statuses.get(i);
      if (status != null && StatusModel.PUBLIC.contains(status)) {
        shown
            .computeIfAbsent(SurfaceSnapshot.SURFACES.get(i), k -> new HashMap<>())
            .merge(status, 1L, Long::sum);
      }
    }
  }

  /** How often each transition was reached, over every message read. */
  public synchronized Map<Transition, Long> transitions() {
    Map<Transition, Long> counts = new LinkedHashMap<>();
    byMessage.values().forEach(list -> list.forEach(t -> counts.merge(t, 1L, Long::sum)));
    return counts;
  }

  /** How often a surface showed a status. */
  public synchronized long seen(String surface, String status) {
    return shown.getOrDefault(surface, Map.of()).getOrDefault(status, 0L);
  }
}
