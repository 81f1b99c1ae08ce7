package io.octopods.simulator.core.callbacks;

import java.util.Optional;

/**
 * Query parameters a provider adds to the webhook URL it calls (Viber's {@code sig}): appended with
 * {@code ?}, or {@code &} when the URL already has a query, before any fragment.
 */
public final class AddedQuery {
  private AddedQuery() {}

  /**
   * {@code url} with {@code query} ({@code name=value&...}, already encoded) appended; unchanged
   * when it is empty.
   */
  public static String append(String url, String query) {
    if (query.isEmpty()) {
      return url;
    }
    int hash = url.indexOf('#');
    String head = hash < 0 ? url : url.substring(0, hash);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String separator =
        !head.contains("?") ? "?" : head.endsWith("?") || head.endsWith("&") ? "" : "&";
    return head + separator + query + fragment;
  }

  /**
   * The query the provider added to {@code webhookUrl} to make {@code calledUrl} ({@code ""} when
   * it is the same URL); empty when {@code calledUrl} is not the webhook URL.
   */
  static Optional<String> of(String webhookUrl, String calledUrl) {
    if (!calledUrl.startsWith(webhookUrl)) {
      return Optional.empty();
    }
    String rest = calledUrl.substring(webhookUrl.length());
    String query = rest.startsWith("?") || rest.startsWith("&") ? rest.substring(1) : rest;
    return append(webhookUrl, query).equals(calledUrl) ? Optional.of(query) : Optional.empty();
  }
}
