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
   * The canvases read are judged by the component that shows the message's status (api.md, "Where a
   * canvas shows a message's status"), never by other text on them.
   */
  public void agree(SurfaceSnapshot s, String where) {
    ledger.tally().surfaces(s.statuses());
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
    ledger.skippedUnless(s.inboxCanvasJson() != null, OptionalCheck.INBOX_CANVAS);
    ledger.skippedUnless(s.inboxDetailCanvasJson() != null, OptionalCheck.INBOX_DETAIL_CANVAS);
    ledger.skippedUnless(s.reachCanvasJson() != null, OptionalCheck.REACH_CANVAS);
    s.inboxCanvasStatus().ifPresent(reading -> inboxCanvasAgrees(reading, status, where));
    s.inboxDetailCanvasStatus().ifPresent(reading -> inboxCanvasAgrees(reading, status, where));
    s.reachCanvasStatus().ifPresent(reading -> reachCanvasAgrees(reading, status, where));
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
   * The Inbox's first canvas shows, in the subtitle of the message's list item, the icon and label
   * of section 5 for the API's status (I1: an icon and a label of section 5; I10: the API's).
   */
  private void inboxCanvasAgrees(StatusComponents.Reading reading, String status, String where) {
    if (!(reading instanceof StatusComponents.Shown shown)) {
      missing((StatusComponents.Missing) reading, where);
      return;
    }
    ledger.invariant(
        "I1",
        StatusModel.INBOX_ICON_TEXT.containsValue(shown.icon())
            && StatusModel.INBOX.containsValue(shown.label()),
        shown.component()
            + " shows '"
            + shown.text()
            + "', not an icon of "
            + StatusModel.INBOX_ICON_TEXT.values()
            + ", a space and a label of "
            + StatusModel.INBOX.values()
            + "; "
            + where);
    String label = StatusModel.INBOX.get(status);
    String icon = StatusModel.inboxIconText(status);
    ledger.invariant(
        "I10",
        label.equals(shown.label()) && icon.equals(shown.icon()),
        shown.component()
            + " shows the label '"
            + shown.label()
            + "' with the icon '"
            + shown.icon()
            + "' but the API shows "
            + status
            + " (the label '"
            + label
            + "' with the icon '"
            + icon
            + "'); "
            + where);
  }

  /**
   * Reach's first canvas, the timeline of the message, names the step of section 5 for the API's
   * status, and says whether it is final (I1: a step of section 5; I10: the API's).
   */
  private void reachCanvasAgrees(StatusComponents.Reading reading, String status, String where) {
    if (!(reading instanceof StatusComponents.Shown shown)) {
      missing((StatusComponents.Missing) reading, where);
      return;
    }
    ledger.invariant(
        "I1",
        StatusModel.REACH.containsValue(shown.label()),
        shown.component()
            + " shows '"
            + shown.text()
            + "', not a step of "
            + StatusModel.REACH.values()
            + "; "
            + where);
    String expected =
        StatusComponents.REACH_NOW
            + StatusModel.REACH.get(status)
            + StatusComponents.REACH_SEPARATOR
            + (StatusModel.TERMINAL.contains(status) ? "final" : "Refresh for updates");
    ledger.invariant(
        "I10",
        expected.equals(shown.text()),
        shown.component()
            + " shows '"
            + shown.text()
            + "' but the API shows "
            + status
            + " ('"
            + expected
            + "'); "
            + where);
  }

  /** A canvas without the component that shows the message's status: it agrees with nothing. */
  private void missing(StatusComponents.Missing missing, String where) {
    ledger.invariant(
        "I10", false, missing.component() + " is missing: " + missing.why() + "; " + where);
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
