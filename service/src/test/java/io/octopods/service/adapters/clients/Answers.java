package io.octopods.service.adapters.clients;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Provider answers for the clients' mapping tests, without a server. */
public final class Answers {
  public static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private Answers() {}

  public static ProviderCall.Answer answer(int status, String body, String... headerPairs) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i + 1 < headerPairs.length; i += 2) {
      headers.put(headerPairs[i], List.of(headerPairs[i + 1]));
    }
    return new ProviderCall.Answer(status, HttpHeaders.of(headers, (k, v) -> true), body, NOW);
  }
}
