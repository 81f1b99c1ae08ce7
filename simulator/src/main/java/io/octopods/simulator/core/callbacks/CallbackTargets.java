package io.octopods.simulator.core.callbacks;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where callbacks go, per provider: the webhook URL set through {@code /__sim/webhook} (or Viber's
 * {@code set_webhook}), several URLs used in turn, and a {@code connect_to} address that receives
 * the request while the signature is computed for the URL (a proxy in front of the receiver).
 */
public final class CallbackTargets {
  /** A provider's webhook settings. */
  public record Webhook(
      Optional<String> url,
      Optional<String> verifyToken,
      List<String> urls,
      Optional<String> connectTo) {
    public static final Webhook NONE =
        new Webhook(Optional.empty(), Optional.empty(), List.of(), Optional.empty());
  }

  private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> turns = new ConcurrentHashMap<>();

  public Webhook webhook(String provider) {
    return webhooks.getOrDefault(provider, Webhook.NONE);
  }

  public void set(String provider, Webhook webhook) {
    webhooks.put(provider, webhook);
    turns.remove(provider);
  }

  /** The URL the provider signs for and shows (empty when none is set). */
  public Optional<String> url(String provider) {
    return webhook(provider).url();
  }

  /**
   * Where to connect for a callback signed for {@code url}: the next of several URLs (with the
   * query the provider added to the webhook URL, such as Viber's {@code sig}), or {@code
   * connect_to}.
   */
  URI connectTarget(String provider, String url) {
    Webhook w = webhook(provider);
    String chosen = url;
    Optional<String> added = w.url().flatMap(webhook -> AddedQuery.of(webhook, url));
    if (!w.urls().isEmpty() && added.isPresent()) {
      int turn =
          Math.floorMod(
              turns.computeIfAbsent(provider, p -> new AtomicInteger()).getAndIncrement(),
              w.urls().size());
      chosen = AddedQuery.append(w.urls().get(turn), added.get());
    }
    URI uri = URI.create(chosen);
    if (w.connectTo().isPresent()) {
      URI via = URI.create(w.connectTo().get());
      String pathAndQuery =
          uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      return URI.create(via.getScheme() + "://" + via.getRawAuthority() + pathAndQuery);
    }
    return uri;
  }
}
