package io.octopods.features.harness;

/**
 * One move of a message's status as its history shows it, replayed with status-model.md section 2
 * ({@code from} may be the internal {@code QUEUED}).
 */
public record Transition(String provider, String from, String to) {}
