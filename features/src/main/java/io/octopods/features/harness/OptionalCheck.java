package io.octopods.features.harness;

/**
 * Checks that need something of the target that the gate may not have been given. One that cannot
 * run is recorded in the {@link Ledger} as skipped, with its reason, never left out in silence.
 */
public enum OptionalCheck {
  INBOX_CANVAS("I10 on Intercom's Inbox canvas", Reasons.NO_INTERCOM_SECRET),
  INBOX_DETAIL_CANVAS("I10 on Intercom's Inbox detail canvas", Reasons.NO_INTERCOM_SECRET),
  REACH_CANVAS("I10 on Reach's canvas", Reasons.NO_INTERCOM_SECRET);

  private final String title;
  private final String reason;

  OptionalCheck(String title, String reason) {
    this.title = title;
    this.reason = reason;
  }

  /** What is checked, as the reports name it. */
  public String title() {
    return title;
  }

  /** Why it cannot run. */
  public String reason() {
    return reason;
  }

  private static final class Reasons {
    static final String NO_INTERCOM_SECRET =
        "no Intercom client secret was given (--intercom-secret), so the service's signed Canvas"
            + " Kit endpoints cannot be called";
  }
}
