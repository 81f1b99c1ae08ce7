package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.stack.hostile.CallbackSignatures.Signing;
import io.octopods.stack.hostile.WebhookTargets.Target;
import io.octopods.stack.support.StackUnderTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Replayed provider callbacks against one real service ({@link WebhookTargets}), started once for
 * this class; each sample takes a settled message no sample touched yet.
 *
 * <p>Rule checked (api.md "Provider webhooks", status-model.md): a replayed, validly signed
 * callback gets {@code 200} and is recorded, not applied: a new history event with {@code applied:
 * false} ({@code duplicate} when the first was applied), the status unchanged, and no public status
 * is ever applied twice.
 */
class ReplayedCallbackProperties {
  private static final int POOL = 2;
  private static final int FRESH = 4;
  private static WebhookTargets targets;

  @BeforeContainer
  static void startStack() {
    targets = WebhookTargets.start(POOL, FRESH);
  }

  @AfterContainer
  static void stopStack() {
    if (targets != null) {
      targets.close();
    }
  }

  /**
   * A report of a provider's own words for one of our messages, delivered once and replayed 1 to 3
   * times.
   */
  record Replay(WebhookProvider provider, String word, int replays) {}

  @Provide
  Arbitrary<Replay> replays() {
    return Arbitraries.of(WebhookProvider.class)
        .flatMap(
            p ->
                Combinators.combine(
                        Arbitraries.of(p.replayWords()), Arbitraries.integers().between(1, 3))
                    .as((w, n) -> new Replay(p, w, n)));
  }

  /**
   * A replayed, validly signed callback (the same bytes, the same signature) answers 200 each time
   * and is recorded as not applied ({@code duplicate} when the first was applied): the status and
   * {@code updated_at} stay, and no public status is applied twice in the message's history.
   */
  @Property(tries = 12)
  void aReplayedSignedCallbackIsRecordedNotAppliedAgain(@ForAll("replays") Replay r) {
    WebhookProvider p = r.provider();
    StackUnderTest stack = targets.stack;
    Target t = targets.untouched(p, r.replays());
    byte[] body =
        Samples.utf8(
            CallbackBodies.text(
                p,
                false,
                List.<String[]>of(new String[] {t.providerId(), null, r.word()}),
                "",
                ""));
    Map<String, String> h = new LinkedHashMap<>();
    h.put(
        "Content-Type",
        p == WebhookProvider.TWILIO ? "application/x-www-form-urlencoded" : "application/json");
    h.put(
        p.signatureHeader,
        CallbackSignatures.signature(targets.service(), p, false, Signing.VALID, "", body, 0));
    String url = targets.service() + p.path();

    int before = stack.history(p.channel, t.messageId()).size();
    HostileHttp.Answer first = HostileHttp.call("POST", url, h, body);
    assertThat(first.status()).as("the first delivery of %s: %s", r, first).isEqualTo(200);
    List<JsonNode> afterFirst = stack.history(p.channel, t.messageId());
    assertThat(afterFirst).as("one event for the first delivery of %s", r).hasSize(before + 1);
    boolean firstApplied = afterFirst.get(before).path("applied").asBoolean();
    JsonNode status = stack.message(p.channel, t.messageId()).path("message_status");

    for (int i = 1; i <= r.replays(); i++) {
      HostileHttp.Answer again = HostileHttp.call("POST", url, h, body);
      assertThat(again.status()).as("replay %s of %s: %s", i, r, again).isEqualTo(200);
    }
    List<JsonNode> history = stack.history(p.channel, t.messageId());
    assertThat(history)
        .as("each replay of %s is recorded: %s", r, history)
        .hasSize(before + 1 + r.replays());
    for (JsonNode e : history.subList(before + 1, history.size())) {
      assertThat(e.path("applied").asBoolean())
          .as("a replay is never applied: %s in %s", e, r)
          .isFalse();
      if (firstApplied) {
        assertThat(e.path("reason").asText())
            .as("a replay of an applied report is a duplicate: %s in %s", e, r)
            .isEqualTo("duplicate");
      }
    }
    assertThat(stack.message(p.channel, t.messageId()).path("message_status"))
        .as("status and updated_at unchanged by the replays of %s", r)
        .isEqualTo(status);
    Map<String, Long> applied =
        history.stream()
            .filter(e -> e.path("applied").asBoolean())
            .collect(
                Collectors.groupingBy(
                    e -> e.path("mapped_status").asText(), Collectors.counting()));
    assertThat(applied.values())
        .as("no public status applied twice: %s", history)
        .allMatch(n -> n == 1);
  }
}
