package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The checks every hostile answer shares: never a {@code 5xx}, the expected status, every {@code
 * 4xx} an RFC 9457 problem ({@code application/problem+json} with {@code type}, {@code title},
 * {@code status}, {@code detail}) naming what is wrong, and a refusal storing nothing. {@code
 * sample} is what was sent, shown when a check fails.
 */
final class AnswerChecks {
  private AnswerChecks() {}

  /** Never a {@code 5xx} while storage is up. */
  static void never5xx(HostileHttp.Answer a, Object sample) {
    assertThat(a.status())
        .as("never a 5xx while storage is up: %s\nfor %s", a, sample)
        .isLessThan(500);
  }

  /**
   * Never a {@code 5xx}; one of the {@code expected} statuses; a {@code 4xx} is a problem naming
   * every one of {@code mentions} (see {@link #names}).
   */
  static void answered(
      HostileHttp.Answer a, Collection<Integer> expected, List<String> mentions, Object sample) {
    never5xx(a, sample);
    assertThat(expected).as("the answer %s\nfor %s", a, sample).contains(a.status());
    if (a.status() >= 400) {
      names(a, mentions, sample);
    }
  }

  /**
   * The answer is a problem naming every one of {@code mentions}: one starting with {@code /} is a
   * JSON Pointer that must be one of its {@code errors[].pointer}s; any other must be in its text
   * (case ignored).
   */
  static void names(HostileHttp.Answer a, List<String> mentions, Object sample) {
    String said = problemText(a, sample);
    for (String mention : mentions) {
      if (mention.startsWith("/")) {
        assertThat(pointers(a))
            .as("the 400 points at %s: %s\nfor %s", mention, a, sample)
            .contains(mention);
      } else {
        assertThat(said.toLowerCase(Locale.ROOT))
            .as("the problem names what is wrong (%s): %s\nfor %s", mention, a, sample)
            .contains(mention.toLowerCase(Locale.ROOT));
      }
    }
  }

  /**
   * Checks a 4xx answer is RFC 9457: {@code application/problem+json} with {@code type}, {@code
   * title}, {@code status} equal to the HTTP status, and a {@code detail}; answers the text of
   * {@code detail} and of every {@code errors[].pointer} and {@code errors[].detail}, for the
   * caller to look for what is wrong.
   */
  static String problemText(HostileHttp.Answer a, Object sample) {
    assertThat(a.contentType())
        .as("a %s answer is problem+json: %s\nfor %s", a.status(), a, sample)
        .startsWith("application/problem+json");
    JsonNode p = a.json();
    assertThat(p.path("status").asInt())
        .as("problem.status: %s\nfor %s", a, sample)
        .isEqualTo(a.status());
    assertThat(p.path("title").asText()).as("problem.title: %s\nfor %s", a, sample).isNotBlank();
    assertThat(p.path("type").asText()).as("problem.type: %s\nfor %s", a, sample).isNotBlank();
    assertThat(p.path("detail").asText()).as("problem.detail: %s\nfor %s", a, sample).isNotBlank();
    List<String> parts = new ArrayList<>();
    parts.add(p.path("detail").asText());
    p.path("errors")
        .forEach(
            e -> {
              parts.add(e.path("pointer").asText());
              parts.add(e.path("detail").asText());
            });
    return String.join(" | ", parts);
  }

  /** The {@code errors[].pointer}s of a problem. */
  static List<String> pointers(HostileHttp.Answer a) {
    List<String> list = new ArrayList<>();
    a.json().path("errors").forEach(e -> list.add(e.path("pointer").asText()));
    return list;
  }

  /** I12: a refused callback (any answer but {@code 200}) changed nothing the service holds. */
  static void storedNothing(int status, StoredState before, StoredState after, Object sample) {
    assertThat(after)
        .as("I12: a refused callback (%s) stores nothing\nfor %s", status, sample)
        .isEqualTo(before);
  }

  /**
   * An accepted callback kept each of its {@code reports}, once: one history event or orphan per
   * report.
   */
  static void keptEveryReport(int reports, StoredState before, StoredState after, Object sample) {
    assertThat(before.growth(after))
        .as(
            "every report of an accepted callback is kept, once: before %s, after %s" + "\nfor %s",
            before, after, sample)
        .isEqualTo(reports);
  }
}
