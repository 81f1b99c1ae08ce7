package io.octopods.service.domain;

import java.util.Locale;

/**
 * Why a history event was recorded but not applied. The reasons of a report are declared in the
 * order of precedence of status-model.md, section 2 (the first that fits is the one recorded); the
 * last one is no report's: a HubSpot timeline event HubSpot refused for good.
 */
public enum Reason {
  /** A provider word this service does not know. */
  UNMAPPED,
  /** The delivered family against {@code FAILED}, either way. */
  CONFLICT,
  /** An SMS {@code read} or a Viber {@code seen} that changed nothing. */
  CHANNEL,
  /** The same public status as now. */
  DUPLICATE,
  /** A lower rank; also {@code SENT}/{@code UNKNOWN} on {@code FAILED}. */
  STALE,
  /**
   * Not a report: HubSpot refused the timeline event of a public change for good, and it is kept as
   * a dead letter until queued again (api.md, Surfaces). The status engine never decides it.
   */
  DEAD_LETTER;

  /** The word written in a history event's {@code reason}, e.g. {@code "duplicate"}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
