package io.octopods.service.adapters.webhooks;

/**
 * A signed callback whose envelope cannot be read at all (not JSON, not an object, no {@code
 * entry[]}, no event, no status): answered {@code 400}. Bad items inside a readable envelope are
 * never this: they are kept.
 */
public final class MalformedEnvelope extends RuntimeException {
  public MalformedEnvelope(String detail) {
    super(detail, null, false, false);
  }
}
