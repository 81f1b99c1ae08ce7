package io.octopods.features.properties;

import io.octopods.features.harness.Ledger;
import io.octopods.simulator.SimulatorClient;
import java.util.List;

/**
 * Compares a played message with what {@link StatusOracle} expects, each comparison counted in the
 * {@link Ledger} under the invariant it stands for; the first that does not hold fails the try with
 * {@code invariant In broken}.
 */
public final class OracleCheck {
  private final Ledger ledger;

  public OracleCheck(Ledger ledger) {
    this.ledger = ledger;
  }

  /**
   * The final status (I7 for reports that agree, I8 where they conflict) and the history's callback
   * events.
   */
  public void outcome(Expectation expected, PlayedMessage played) {
    String shown = played.settled().apiStatus();
    ledger.invariant(
        expected.outcomeInvariant(),
        expected.finalStatus().equals(shown),
        "the oracle expects "
            + expected.finalStatus()
            + " but every surface shows "
            + shown
            + "; expected callback events "
            + expected.callbackEvents()
            + ", history shows "
            + played.callbackEvents()
            + "; "
            + played.where());
    List<ExpectedEvent> actual = played.callbackEvents();
    List<ExpectedEvent> wanted = expected.callbackEvents();
    for (int i = 0; i < Math.max(actual.size(), wanted.size()); i++) {
      ExpectedEvent a = i < actual.size() ? actual.get(i) : null;
      ExpectedEvent w = i < wanted.size() ? wanted.get(i) : null;
      ledger.invariant(
          invariantOf(w == null ? a : w),
          w != null && w.equals(a),
          "callback event "
              + (i + 1)
              + ": the oracle expects "
              + w
              + " but the history shows "
              + a
              + "; expected "
              + wanted
              + ", history "
              + actual
              + "; "
              + played.where());
    }
  }

  /**
   * HubSpot got one event at creation and one per public change, no more: {@code invariant} names
   * the claim.
   */
  public void hubspotTrail(String invariant, Expectation expected, PlayedMessage played) {
    ledger.invariant(
        invariant,
        expected.hubspotTrail().equals(played.settled().hubspot()),
        "the oracle expects "
            + "HubSpot's events "
            + expected.hubspotTrail()
            + " but HubSpot holds "
            + played.settled().hubspot()
            + "; "
            + played.where());
  }

  /**
   * I12: every badly signed attempt was answered 401, every authentic one 2xx, and the history
   * holds exactly one event per authentic copy, in order (none from a badly signed one).
   */
  public void onlyAuthenticCallbacksCount(Expectation expected, PlayedMessage played) {
    for (SimulatorClient.CallbackAttempt attempt : played.attempts()) {
      if (!"answered".equals(attempt.outcome())) {
        continue;
      }
      String signature = attempt.signature();
      int code = attempt.responseCode().orElse(0);
      boolean bad = "invalid".equals(signature) || "missing".equals(signature);
      ledger.invariant(
          "I12",
          bad ? code == 401 : code >= 200 && code < 300,
          "a callback signed '"
              + signature
              + "' was answered "
              + code
              + ": "
              + attempt.body()
              + "; "
              + played.where());
    }
    ledger.invariant(
        "I12",
        expected.callbackEvents().size() == played.callbackEvents().size(),
        "the history holds "
            + played.callbackEvents().size()
            + " callback events, the scenario sent "
            + expected.callbackEvents().size()
            + " authentic copies: "
            + played.callbackEvents()
            + "; "
            + played.where());
    ledger.invariant(
        "I12",
        expected.callbackEvents().equals(played.callbackEvents()),
        "the history's callback "
            + "events "
            + played.callbackEvents()
            + " are not the authentic ones "
            + expected.callbackEvents()
            + "; "
            + played.where());
    ledger.invariant(
        "I12",
        expected.finalStatus().equals(played.settled().apiStatus()),
        "the oracle (authentic "
            + "callbacks only) expects "
            + expected.finalStatus()
            + " but the API shows "
            + played.settled().apiStatus()
            + "; "
            + played.where());
  }

  private static String invariantOf(ExpectedEvent e) {
    if (e == null || e.reason() == null) {
      return "I7";
    }
    return switch (e.reason()) {
      case "conflict" -> "I8";
      case "duplicate" -> "I9";
      default -> "I7";
    };
  }
}
