package io.octopods.service.domain;

import java.util.Locale;

/**
 * Why a report was recorded but not applied, declared in the order of precedence of
 * status-model.md, section 2: the first that fits is the one recorded.
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
    STALE;

    /** The word written in a history event's {@code reason}, e.g. {@code "duplicate"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
