package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.adapters.http.api.PublicApiRoutes;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.application.SendMessage;
import io.octopods.service.support.TestDatabase;
import io.octopods.stack.support.StackUnderTest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-key rate limit (api.md: {@code OCTOPODS_RATE_LIMIT} requests per second per key, over it
 * {@code 429} problem+json with {@code Retry-After} in whole seconds). Two ways: the whole service
 * started with {@code OCTOPODS_RATE_LIMIT=5} (a burst far faster than 5 a second, so the outcome
 * does not depend on timing), and the API routes on a clock the test moves, for the exact numbers.
 * No sleeping.
 */
class RateLimitTest {
  private static final int LIMIT = 5;

  @Test
  void aBurstFromOneKeyGets429WithRetryAfterWhileAnotherKeyIsNotLimited() {
    try (StackUnderTest stack =
        StackUnderTest.start(Map.of("OCTOPODS_RATE_LIMIT", String.valueOf(LIMIT)))) {
      String list = stack.service() + "/api/v1/sms/messages?limit=1";
      List<Integer> statuses = new ArrayList<>();
      HostileHttp.Answer limited = null;
      for (int i = 0; i < 500 && limited == null; i++) {
        HostileHttp.Answer a =
            HostileHttp.call("GET", list, StackUnderTest.auth(StackUnderTest.API_KEY), null);
        statuses.add(a.status());
        if (a.status() == 429) {
          limited = a;
        }
      }
      assertThat(limited)
          .as("a burst of %s requests from one key is limited: %s", statuses.size(), statuses)
          .isNotNull();
      assertThat(statuses.subList(0, LIMIT))
          .as("a key may burst up to the limit first")
          .containsOnly(200);
      assertThat(statuses).as("only 200 then the 429").containsOnly(200, 429);
      assertRetryAfter(limited);

      // another key of another workspace, at once: its own bucket
      HostileHttp.Answer other =
          HostileHttp.call("GET", list, StackUnderTest.auth(StackUnderTest.OTHER_KEY), null);
      assertThat(other.status()).as("the limit is per key: %s", other).isEqualTo(200);
      // no key at all: 401 (the key is checked before the limit), never a 429
      assertThat(HostileHttp.call("GET", list, Map.of(), null).status()).isEqualTo(401);
      // /health needs no key and is never limited
      for (int i = 0; i < 3 * LIMIT; i++) {
        assertThat(HostileHttp.call("GET", stack.service() + "/health", Map.of(), null).status())
            .isEqualTo(200);
      }
    }
  }

  @Test
  void onAClockTheTestMovesTheLimitIsExactAndPerKey(@TempDir Path dir) {
    StandingClock clock = new StandingClock(Instant.parse("2026-11-26T10:00:00Z"));
    String acme = "acme_k_0123456789abcdef0123456789";
    String acme2 = "acme_k_second_0123456789abcdef01";
    String beta = "beta_k_0123456789abcdef0123456789";
    try (TestDatabase db = TestDatabase.open(dir.resolve("db"))) {
      JdbcMessageStore store = new JdbcMessageStore(db.database().dataSource());
      SendMessage send = new SendMessage(store, Clock.systemUTC());
      ApiKeys keys =
          ApiKeys.from(Optional.of("acme:" + acme + ",beta:" + beta + ",acme:" + acme2), dir);
      HttpServer server =
          new HttpServer(List.of(new PublicApiRoutes(send, store, keys, LIMIT, clock)))
              .start("127.0.0.1", 0);
      try {
        String base = "http://127.0.0.1:" + server.port();
        String list = base + "/api/v1/whatsapp/messages";
        for (int i = 0; i < LIMIT; i++) {
          assertThat(get(list, acme).status()).as("request %s of the burst", i + 1).isEqualTo(200);
        }
        HostileHttp.Answer limited = get(list, acme);
        assertThat(limited.status()).isEqualTo(429);
        assertRetryAfter(limited);
        assertThat(limited.header("Retry-After"))
            .as("0.2 s to the next token, rounded up")
            .contains("1");
        // a send is limited the same way, before its body is even read
        HostileHttp.Answer send429 =
            HostileHttp.call(
                "POST",
                base + "/api/v1/sms/messages",
                Map.of("Authorization", "Bearer " + acme, "Content-Type", "application/json"),
                Samples.utf8("{\"to\":\"+15551230001\",\"body\":\"hi\"}"));
        assertThat(send429.status()).isEqualTo(429);

        assertThat(get(list, beta).status()).as("another workspace's key").isEqualTo(200);
        assertThat(get(list, acme2).status())
            .as("another key of the same workspace: the limit is per key")
            .isEqualTo(200);

        clock.advance(Duration.ofMillis(199));
        assertThat(get(list, acme).status()).as("not yet a whole token").isEqualTo(429);
        clock.advance(Duration.ofMillis(1));
        assertThat(get(list, acme).status()).as("one token after 1/5 s").isEqualTo(200);
        assertThat(get(list, acme).status()).as("and only one").isEqualTo(429);

        clock.advance(Duration.ofSeconds(10));
        int ok = 0;
        while (get(list, acme).status() == 200) {
          ok++;
          assertThat(ok)
              .as("the bucket holds one second's worth, no more")
              .isLessThanOrEqualTo(LIMIT);
        }
        assertThat(ok).as("after a long pause a key bursts up to the limit again").isEqualTo(LIMIT);
      } finally {
        server.close();
      }
    }
  }

  private static HostileHttp.Answer get(String url, String key) {
    return HostileHttp.call("GET", url, Map.of("Authorization", "Bearer " + key), null);
  }

  private static void assertRetryAfter(HostileHttp.Answer limited) {
    assertThat(limited.header("Retry-After")).as("Retry-After on %s", limited).isPresent();
    String retryAfter = limited.header("Retry-After").orElseThrow();
    assertThat(retryAfter).as("whole seconds").matches("[0-9]+");
    assertThat(Integer.parseInt(retryAfter)).as("at least a second").isGreaterThanOrEqualTo(1);
    String detail = AnswerChecks.problemText(limited, "a burst");
    assertThat(limited.json().path("status").asInt()).isEqualTo(429);
    assertThat(detail).as("the problem says why").containsIgnoringCase("OCTOPODS_RATE_LIMIT");
  }

  /** A clock that stands still until the test moves it. */
  private static final class StandingClock extends Clock {
    private final AtomicLong nanos;

    StandingClock(Instant start) {
      nanos = new AtomicLong(start.getEpochSecond() * 1_000_000_000L + start.getNano());
    }

    void advance(Duration by) {
      nanos.addAndGet(by.toNanos());
    }

    @Override
    public Instant instant() {
      long n = nanos.get();
      return Instant.ofEpochSecond(
          Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
