package io.octopods.stack.bench;

/**
 * Told by a load phase about each sampled callback ({@link Callback#visible()} set): when sent,
 * when answered 2xx.
 */
interface SampleWatch {
  SampleWatch NONE = new SampleWatch() {};

  default void sent(Callback callback, long sentNanos) {}

  default void acknowledged(Callback callback, long answeredNanos) {}
}
