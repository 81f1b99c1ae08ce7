package io.octopods.service.application;

/**
 * Why a message failed, set by the first applied {@code FAILED} and never overwritten.
 *
 * @param code the provider's code ({@code "30003"}), {@code "viber:<status>"}, {@code
 *     "handoff_exhausted"}, or null
 * @param source {@code provider} or {@code octopods}
 */
public record FailureReason(String code, String title, String source) {
  public static FailureReason fromProvider(String code, String title) {
    boolean noCode = code == null || code.isBlank();
    return new FailureReason(
        noCode ? null : code,
        title == null || title.isBlank()
            ? (noCode ? "no code given" : "provider error " + code)
            : title,
        "provider");
  }

  public static FailureReason ours(String code, String title) {
    return new FailureReason(code, title, "octopods");
  }
}
