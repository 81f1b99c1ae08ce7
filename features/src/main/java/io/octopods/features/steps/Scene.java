package io.octopods.features.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.features.harness.Harness;
import io.octopods.features.harness.StackDriver;
import io.octopods.features.harness.SurfaceInvariants;
import io.octopods.features.harness.SurfaceSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What one scenario is about, shared by the step classes (one instance per scenario): the provider
 * and channel, the recipient and what the provider will do for it, the message once sent, and what
 * each surface showed along the way.
 */
public final class Scene {
  final Harness harness = Harness.get();
  final StackDriver driver = harness.driver();
  String provider;
  String channel;
  String to;
  String scenarioId;

  /** What the scenario expects of the service's own timers, e.g. {@code reconciliation}. */
  String needs = "";

  JsonNode accepted;
  String messageId;
  long orphansBefore;
  final List<SurfaceSnapshot> snapshots = new ArrayList<>();

  String messageId() {
    if (messageId == null) {
      throw new IllegalStateException(
          "no message was sent in this scenario yet: a step 'When the message is sent' "
              + "comes first");
    }
    return messageId;
  }

  /**
   * Reads every surface now, and checks that none went back since the previous read (I2, I3, I4).
   */
  SurfaceSnapshot look(String why) {
    SurfaceSnapshot now = driver.snapshot(channel, messageId(), to);
    if (!snapshots.isEmpty()) {
      new SurfaceInvariants(harness.ledger())
          .neverWentBack(snapshots.get(snapshots.size() - 1), now, why);
    }
    snapshots.add(now);
    return now;
  }
}
