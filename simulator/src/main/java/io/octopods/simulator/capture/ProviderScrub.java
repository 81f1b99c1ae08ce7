package io.octopods.simulator.capture;

/** One provider's scrubbing: payload fields, query values and the signature made anew. */
interface ProviderScrub {
  /** The callback with personal data replaced and its signature recomputed where it had one. */
  Capture.Callback scrub(Capture.Callback callback, Pseudonyms pseudonyms);
}
