package io.octopods.features.harness;

import java.util.Set;

/**
 * How one scenario or property of a run ended, as the reports show it.
 *
 * @param suite the feature file, relative to its features root (e.g. {@code
 *     whatsapp/out-of-order.feature}), or the property's class
 * @param name the scenario (as the feature file names it) or the property
 * @param displayName the JUnit Platform's name for it (with the feature's name before a scenario's)
 * @param status how it ended
 * @param message why it failed (its first line names the broken invariant or contract field) or why
 *     it was skipped; null when it passed
 * @param thrown the class of what ended it, when it failed
 * @param trace the stack trace of a failure, else empty
 * @param tags its tags, without {@code @} (a scenario's rows and invariants, e.g. {@code a1})
 * @param providers the providers (twilio, whatsapp, viber) whose interfaces it exercised
 * @param seconds how long it ran
 */
public record Outcome(
    String suite,
    String name,
    String displayName,
    Status status,
    String message,
    String thrown,
    String trace,
    Set<String> tags,
    Set<String> providers,
    double seconds) {

  /**
   * How a scenario or property ended: a failed assertion (a broken invariant, a contract breach, a
   * wrong status) is FAILED; any other exception (an unreachable target, a time-out) is ERROR.
   */
  public enum Status {
    PASSED,
    FAILED,
    ERROR,
    SKIPPED;

    /** Failed in either way. */
    public boolean failed() {
      return this == FAILED || this == ERROR;
    }
  }

  public Outcome {
    tags = Set.copyOf(tags);
    providers = Set.copyOf(providers);
    trace = trace == null ? "" : trace;
  }

  /** The first line of {@link #message}, or empty. */
  public String headline() {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** A scenario of a feature file (not a property or a unit test). */
  public boolean isScenario() {
    return suite.endsWith(".feature");
  }
}
