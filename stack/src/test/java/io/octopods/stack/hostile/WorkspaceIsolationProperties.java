package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.stack.hostile.ApiReads.Endpoint;
import io.octopods.stack.hostile.ApiReads.IdKind;
import io.octopods.stack.hostile.ApiReads.Read;
import io.octopods.stack.support.StackUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * I13 (isolation) against one real service with a message of each workspace on every channel
 * ({@link ApiWorkspaces}), started once for this class.
 *
 * <p>Rules checked (api.md "Public API"): another workspace's message answers {@code 404} (never
 * 403, never its data) on every read: poll, history, and the Intercom and Reach JSON reads; so do
 * random and malformed ids and our own id on the wrong channel; a list never shows another
 * workspace's messages; every {@code 4xx} is problem+json, and a bad list parameter is a {@code
 * 400} naming it; never a {@code 5xx}.
 */
class WorkspaceIsolationProperties {
  private static ApiWorkspaces workspaces;

  @BeforeContainer
  static void startStack() {
    workspaces = ApiWorkspaces.start();
  }

  @AfterContainer
  static void stopStack() {
    if (workspaces != null) {
      workspaces.close();
    }
  }

  @Provide
  Arbitrary<Read> reads() {
    return ApiReads.any(workspaces);
  }

  /**
   * I13: with our key, another workspace's message is 404 on every read and never shows its data;
   * random and malformed ids and our id on another channel are the same 404; our own message is
   * 200; a list never holds another workspace's message, and a bad list parameter is a 400 naming
   * it.
   */
  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void anotherWorkspacesMessageIsNotFoundEverywhere(@ForAll("reads") Read r) {
    Statistics.label("endpoint/kind").collect(r.endpoint(), r.kind());
    HostileHttp.Answer a =
        HostileHttp.call(
            "GET",
            workspaces.service() + r.path(),
            StackUnderTest.auth(StackUnderTest.API_KEY),
            null);
    Statistics.label("answer").collect(a.status());
    AnswerChecks.never5xx(a, r);
    for (String[] theirs : workspaces.allTheirs()) {
      assertThat(a.body())
          .as("I13: never another workspace's data: %s\nfor %s", a, r)
          .doesNotContain(theirs[1]);
      if (r.kind() != IdKind.THEIRS) {
        assertThat(a.body())
            .as("I13: never another workspace's id: %s\nfor %s", a, r)
            .doesNotContain(theirs[0]);
      }
    }
    if (r.endpoint() == Endpoint.LIST) {
      checkList(a, r);
      return;
    }
    boolean surface = r.endpoint() == Endpoint.INTERCOM || r.endpoint() == Endpoint.REACH;
    boolean ours =
        r.kind() == IdKind.OURS
            || r.kind() == IdKind.OURS_UPPER_CASE
            || (surface && r.kind() == IdKind.OURS_WRONG_CHANNEL);
    if (ours) {
      assertThat(a.status()).as("our own message: %s\nfor %s", a, r).isEqualTo(200);
      if (r.endpoint() == Endpoint.HISTORY) {
        assertThat(a.json().path("data").isArray()).as("our history: %s", a).isTrue();
      } else {
        assertThat(a.body()).contains(r.id().toLowerCase(Locale.ROOT));
      }
    } else {
      assertThat(a.status())
          .as("I13: not ours, so 404 (never 403): %s\nfor %s", a, r)
          .isEqualTo(404);
      AnswerChecks.problemText(a, r);
    }
  }

  /**
   * A list: a bad parameter is a 400 problem naming it; else a 200 that holds none of their
   * messages.
   */
  private static void checkList(HostileHttp.Answer a, Read r) {
    if (ApiReads.BAD_LIST_QUERIES.contains(r.query())) {
      assertThat(a.status()).as("a bad list parameter: %s\nfor %s", a, r).isEqualTo(400);
      AnswerChecks.problemText(a, r);
      String param = r.query().substring(1).split("=", 2)[0];
      assertThat(AnswerChecks.pointers(a))
          .as("the 400 names the parameter: %s\nfor %s", a, r)
          .anyMatch(p -> p.contains(param));
    } else {
      assertThat(a.status()).as("a list: %s\nfor %s", a, r).isEqualTo(200);
      List<String> ids = new ArrayList<>();
      a.json().path("data").forEach(m -> ids.add(m.path("message_id").asText()));
      workspaces
          .allTheirs()
          .forEach(
              t ->
                  assertThat(ids)
                      .as("I13: their message in our list\nfor %s", r)
                      .doesNotContain(t[0]));
    }
  }

  /**
   * I13 the other way round: their key never reads ours, on any read (404 problem+json without our
   * data), and their list never holds our message.
   */
  @Property(tries = 12)
  void ourMessageIsNotFoundForTheOtherWorkspace(@ForAll("reads") Read r) {
    String[] ours = workspaces.ours(r.channel());
    if (r.endpoint() == Endpoint.LIST || r.kind() != IdKind.OURS) {
      r =
          new Read(
              r.endpoint() == Endpoint.LIST ? Endpoint.POLL : r.endpoint(),
              r.channel(),
              IdKind.OURS,
              ours[0],
              "");
    }
    HostileHttp.Answer a =
        HostileHttp.call(
            "GET",
            workspaces.service() + r.path(),
            StackUnderTest.auth(StackUnderTest.OTHER_KEY),
            null);
    assertThat(a.status())
        .as("I13: %s\nfor %s with the other workspace's key", a, r)
        .isEqualTo(404);
    AnswerChecks.problemText(a, r);
    assertThat(a.body()).doesNotContain(ours[1]);
    JsonNode list =
        HostileHttp.call(
                "GET",
                workspaces.service() + "/api/v1/" + r.channel() + "/messages?limit=100",
                StackUnderTest.auth(StackUnderTest.OTHER_KEY),
                null)
            .json();
    assertThat(list.path("data").findValuesAsText("message_id")).doesNotContain(ours[0]);
  }
}
