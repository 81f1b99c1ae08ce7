package io.octopods.stack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestListener;
import com.github.tomakehurst.wiremock.http.Response;
import io.octopods.simulator.core.http.ProviderServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every timeline event the HubSpot simulator created, heard in this JVM as it answers: the ids of a
 * {@code 201} to {@code POST .../events} and of the {@code results} of a {@code 201}/{@code 207} to
 * {@code .../batch/create}, each with the wall time of the answer. Event ids are {@code
 * <message_id>-<STATUS>}. A {@code 409} (an id it had already) creates nothing and is not counted.
 * Every call to the events API is counted by its answer's status, so the pusher's pacing shows
 * (calls refused with {@code 429}, events per call). Reading it costs no call against HubSpot's
 * rate limit.
 */
final class HubSpotEvents implements RequestListener {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One created event of a message: its public status and when it was created. */
  record Created(String status, long atMs) {}

  private final Map<String, List<Created>> byMessage = new ConcurrentHashMap<>();
  private final List<Long> times = new ArrayList<>();
  private final Map<Integer, AtomicLong> callsByStatus = new ConcurrentHashMap<>();
  private final List<Long> callTimes = new ArrayList<>();

  static HubSpotEvents listenTo(ProviderServer hubspot) {
    HubSpotEvents events = new HubSpotEvents();
    hubspot.wireMock().addMockServiceRequestListener(events);
    return events;
  }

  @Override
  public void requestReceived(Request request, Response response) {
    int status = response.getStatus();
    if (!"POST".equalsIgnoreCase(request.getMethod().getName())
        || !request.getUrl().contains("/timeline/events")) {
      return;
    }
    long now = System.currentTimeMillis();
    called(status, now);
    if (status != 201 && status != 207) {
      return;
    }
    try {
      JsonNode answer = JSON.readTree(response.getBodyAsString());
      if (answer.has("results")) {
        answer.get("results").forEach(r -> created(r.path("id").asText(""), now));
      } else {
        created(answer.path("id").asText(""), now);
      }
    } catch (IOException e) {
      // not an answer with events
    }
  }

  void called(int status, long atMs) {
    callsByStatus.computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
    synchronized (callTimes) {
      callTimes.add(atMs);
    }
  }

  void created(String eventId, long atMs) {
    int dash = eventId.lastIndexOf('-');
    if (dash <= 0) {
      return;
    }
    byMessage
        .computeIfAbsent(
            eventId.substring(0, dash), k -> Collections.synchronizedList(new ArrayList<>()))
        .add(new Created(eventId.substring(dash + 1), atMs));
    synchronized (times) {
      times.add(atMs);
    }
  }

  /** Events created in {@code [fromMs, toMs)}. */
  long createdBetween(long fromMs, long toMs) {
    synchronized (times) {
      return times.stream().filter(t -> t >= fromMs && t < toMs).count();
    }
  }

  /** Calls to the events API answered in {@code [fromMs, toMs)}, whatever the answer. */
  long callsBetween(long fromMs, long toMs) {
    synchronized (callTimes) {
      return callTimes.stream().filter(t -> t >= fromMs && t < toMs).count();
    }
  }

  long total() {
    synchronized (times) {
      return times.size();
    }
  }

  /** The calls to the events API so far, by the status of their answer, and the events created. */
  record Tally(Map<Integer, Long> calls, long events) {
    /** The calls and events since {@code before}, in words. */
    String since(Tally before) {
      Map<Integer, Long> delta = new TreeMap<>();
      calls.forEach((status, n) -> delta.put(status, n - before.calls.getOrDefault(status, 0L)));
      long created = delta.getOrDefault(201, 0L) + delta.getOrDefault(207, 0L);
      return String.format(
          Locale.ROOT,
          "HubSpot calls by status %s, %d events created (%.1f per call answered " + "201 or 207)",
          delta,
          events - before.events,
          created == 0 ? 0.0 : (double) (events - before.events) / created);
    }
  }

  Tally tally() {
    Map<Integer, Long> calls = new TreeMap<>();
    callsByStatus.forEach((status, n) -> calls.put(status, n.get()));
    return new Tally(calls, total());
  }

  /**
   * How the calls in {@code [fromMs, toMs)} were spread: the most in any one second and the longest
   * time without a call, which tell a pusher that spends the rate window at once and then waits
   * from one that paces its calls.
   */
  String pacing(long fromMs, long toMs) {
    List<Long> within;
    synchronized (callTimes) {
      within = callTimes.stream().filter(t -> t >= fromMs && t < toMs).sorted().toList();
    }
    int busiest = 0;
    long longestGap = 0;
    long previous = fromMs;
    for (int i = 0, j = 0; i < within.size(); i++) {
      while (within.get(i) - within.get(j) >= 1000) {
        j++;
      }
      busiest = Math.max(busiest, i - j + 1);
      longestGap = Math.max(longestGap, within.get(i) - previous);
      previous = within.get(i);
    }
    longestGap = Math.max(longestGap, toMs - previous);
    return String.format(
        Locale.ROOT,
        "%d calls in %.1f s: at most %d in one second, at most %.1f s without one",
        within.size(),
        (toMs - fromMs) / 1000.0,
        busiest,
        longestGap / 1000.0);
  }

  /**
   * When the message's first event showing {@code status} (or a status that only comes after it)
   * was created.
   */
  OptionalLong firstShowing(String messageId, String status) {
    List<Created> created = byMessage.getOrDefault(messageId, List.of());
    synchronized (created) {
      return created.stream()
          .filter(c -> Surface.shows(status, c.status()))
          .mapToLong(Created::atMs)
          .min();
    }
  }
}
