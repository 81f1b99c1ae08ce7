package io.octopods.service.application;

import java.time.Instant;
import java.util.Optional;

/** What a history event keeps of a report besides the engine's decision. */
record ReportFacts(
    String source,
    Optional<String> providerWord,
    Optional<Instant> providerTimestamp,
    Optional<String> errorCode,
    Optional<String> errorTitle,
    Optional<String> detail,
    String raw,
    Instant receivedAt,
    Optional<Instant> appliedAt) {

  static ReportFacts of(
      IncomingReport r, String source, Instant receivedAt, Optional<Instant> appliedAt) {
    return new ReportFacts(
        source,
        Optional.ofNullable(r.providerWord()),
        r.providerTimestamp(),
        r.errorCode(),
        r.errorTitle(),
        Optional.empty(),
        r.rawPayload(),
        receivedAt,
        appliedAt);
  }

  /** The same facts with a note on what happened, where the other fields cannot say it. */
  ReportFacts withDetail(String what) {
    return new ReportFacts(
        source,
        providerWord,
        providerTimestamp,
        errorCode,
        errorTitle,
        Optional.of(what),
        raw,
        receivedAt,
        appliedAt);
  }

  static ReportFacts send(
      String providerWord,
      Optional<String> code,
      Optional<String> title,
      Optional<String> detail,
      Instant at) {
    return new ReportFacts(
        "send",
        Optional.ofNullable(providerWord),
        Optional.empty(),
        code,
        title,
        detail,
        "",
        at,
        Optional.empty());
  }
}
