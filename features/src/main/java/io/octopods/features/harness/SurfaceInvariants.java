package io.octopods.features.harness;

import io.octopods.contracts.StatusModel;
import java.util.List;

/** I1, I2, I3 and I10 across the four surfaces (status-model.md sections 3 and 5). */
public final class SurfaceInvariants {
  private final Ledger ledger;

  public SurfaceInvariants(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * Once the system is quiet: each surface shows a status of its own vocabulary, all the same one
   * (I10). A message with a HubSpot dead letter is exempt from HubSpot's agreement: its current
   * status must be on HubSpot's timeline or among its dead letters instead, and no status in both.
   */
  public void agree(SurfaceSnapshot s, String where) {
    String status = s.apiStatus();
    ledger.invariant(
        "I1",
        StatusModel.INBOX.containsValue(s.inboxLabel()),
        "Intercom shows '"
            + s.inboxLabel()
            + "', not one of "
            + StatusModel.INBOX.values()
            + "; "
            + where);
    String step = s.reach().path("current").asText();
    ledger.invariant(
        "I1",
        StatusModel.REACH.containsValue(step),
        "Reach shows '" + step + "', not one of " + StatusModel.REACH.values() + "; " + where);
    for (String e : s.hubspot()) {
      ledger.invariant("I1", StatusModel.PUBLIC.contains(e), "HubSpot shows '" + e + "'; " + where);
    }
    List<String> shown = s.statuses();
    boolean deadLetters = !s.hubspotDead().isEmpty();
    for (int i = 1; i < shown.size(); i++) {
      if (deadLetters && i == SurfaceSnapshot.SURFACES.indexOf("HubSpot")) {
        continue;
      }
      ledger.invariant(
          "I10",
          status.equals(shown.get(i)),
          SurfaceSnapshot.SURFACES.get(i)
              + " shows "
              + shown.get(i)
              + " but the API shows "
              + status
              + " (all: "
              + shown
              + "); "
              + where);
    }
    if (deadLetters) {
      ledger.invariant(
          "I10",
          s.hubspot().contains(status) || s.hubspotDead().contains(status),
          "the API shows "
              + status
              + " but neither HubSpot's timeline "
              + s.hubspot()
              + " nor its dead letters "
              + s.hubspotDead()
              + " hold that event; "
              + where);
      ledger.invariant(
          "I9",
          s.hubspotDead().stream().noneMatch(s.hubspot()::contains)
              && s.hubspotDead().stream().distinct().count() == s.hubspotDead().size(),
          "an event is both on HubSpot's timeline "
              + s.hubspot()
              + " and a dead letter "
              + s.hubspotDead()
              + ", or a dead letter twice; "
              + where);
    }
    ledger.invariant(
        "I10",
        s.reach().path("terminal").asBoolean() == StatusModel.TERMINAL.contains(status),
        "Reach's terminal flag " + s.reach().path("terminal") + " for " + status + "; " + where);
    if (s.inboxCanvasText() != null) {
      ledger.invariant(
          "I10",
          s.inboxCanvasText().contains(StatusModel.INBOX.get(status)),
          "the Intercom Inbox canvas does not show '"
              + StatusModel.INBOX.get(status)
              + "': "
              + s.inboxCanvasText()
              + "; "
              + where);
    }
    if (s.reachCanvasText() != null) {
      String now = "Now: " + StatusModel.REACH.get(status);
      ledger.invariant(
          "I10",
          s.reachCanvasText().contains(now),
          "the Reach canvas does not show '" + now + "': " + s.reachCanvasText() + "; " + where);
    }
    ledger.invariant(
        "I9",
        s.hubspot().stream().distinct().count() == s.hubspot().size(),
        "HubSpot got one status twice " + s.hubspot() + "; " + where);
    for (int i = 1; i < s.hubspot().size(); i++) {
      String before = s.hubspot().get(i - 1);
      String after = s.hubspot().get(i);
      ledger.invariant(
          idOf(before, after),
          StatusModel.mayFollow(before, after),
          "HubSpot's timeline goes " + before + " -> " + after + " " + s.hubspot() + "; " + where);
    }
  }

  /**
   * Between two snapshots: no surface went back (I2), left a terminal status (I3) or changed an
   * outcome (I4).
   */
  public void neverWentBack(SurfaceSnapshot earlier, SurfaceSnapshot later, String where) {
    List<String> a = earlier.statuses();
    List<String> b = later.statuses();
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i) == null || b.get(i) == null) {
        continue;
      }
      ledger.invariant(
          idOf(a.get(i), b.get(i)),
          StatusModel.mayFollow(a.get(i), b.get(i)),
          SurfaceSnapshot.SURFACES.get(i) + " went " + a.get(i) + " -> " + b.get(i) + "; " + where);
    }
  }

  static String idOf(String before, String after) {
    if ("FAILED".equals(before) || "FAILED".equals(after)) {
      return "I4";
    }
    return StatusModel.TERMINAL.contains(before) && !StatusModel.TERMINAL.contains(after)
        ? "I3"
        : "I2";
  }
}
