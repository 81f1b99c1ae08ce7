package io.octopods.stack.hostile;

import io.octopods.stack.hostile.HostileCallbacks.Callback;
import io.octopods.stack.hostile.WebhookTargets.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile provider callbacks against one real service ({@link WebhookTargets}), started once for
 * this class. Every sample ({@link HostileCallbacks}) starts from a callback of the provider's real
 * shape (providers.md 1.4, 2.4, 3.4) naming messages of ours or ids nobody has, and is then
 * mutated: truncated, wrong types, unknown fields, invalid UTF-8 (and a UTF-32 look-alike), not an
 * object, no envelope, padded to just under the 3 MiB limit or declared over it; sent with a right,
 * wrong or missing content type; and signed right, with another key, over other bytes, truncated,
 * with garbage, or not at all.
 *
 * <p>Rules checked (api.md "Provider webhooks", status-model.md):
 *
 * <ul>
 *   <li>never a {@code 5xx} while storage is up;
 *   <li>the answer follows the order 413, 415, 401, 400, 200;
 *   <li>I12 (authenticity): a callback without a valid signature gets {@code 401} and stores
 *       nothing: no history event on any message it names, no orphan ({@code /health
 *       pending.orphans}), status and {@code updated_at} unchanged; the same for every other
 *       refusal;
 *   <li>a validly signed envelope that cannot be read gets {@code 400} problem+json whose {@code
 *       detail} names what is wrong; a readable one with bad items gets {@code 200} and every
 *       report in it is kept (one history event or orphan per report);
 *   <li>every 4xx is {@code application/problem+json} with {@code type}, {@code title}, {@code
 *       status}, {@code detail}.
 * </ul>
 *
 * Replays are {@link ReplayedCallbackProperties}.
 */
class HostileCallbackProperties {
  private static final int POOL = 2;
  private static WebhookTargets targets;

  @BeforeContainer
  static void startStack() {
    targets = WebhookTargets.start(POOL, 0);
  }

  @AfterContainer
  static void stopStack() {
    if (targets != null) {
      targets.close();
    }
  }

  @Provide
  Arbitrary<Callback> callbacks() {
    return new HostileCallbacks(targets).any();
  }

  /**
   * Only the body a UTF-32 look-alike (three NUL bytes first), on every provider: see the
   * regression below.
   */
  @Provide
  Arbitrary<Callback> utf32Lookalikes() {
    return new HostileCallbacks(targets).utf32Lookalikes();
  }

  /**
   * Never a 5xx; the answer of api.md's order; every refusal (401 above all: I12) stores nothing; a
   * 400 names what is wrong; a 200 keeps every report of the callback (C2).
   */
  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void hostileCallbacksAreRefusedOrKeptNeverFailed(@ForAll("callbacks") Callback sample) {
    Statistics.label("provider/shape").collect(sample.provider(), sample.shape());
    Statistics.label("signature").collect(sample.signing());
    List<Target> named = sample.named().stream().distinct().toList();
    StoredState before = StoredState.of(targets.stack, sample.provider(), named);

    HostileHttp.Answer a = post(sample);
    Statistics.label("answer").collect(a.status());
    AnswerChecks.answered(a, sample.expect().statuses(), sample.expect().detailMentions(), sample);

    StoredState after = StoredState.of(targets.stack, sample.provider(), named);
    if (a.status() != 200) {
      AnswerChecks.storedNothing(a.status(), before, after, sample);
    } else if (sample.expect().reports() >= 0) {
      AnswerChecks.keptEveryReport(sample.expect().reports(), before, after, sample);
    }
  }

  /**
   * Regression (found by these properties, fixed): a validly signed WhatsApp notification whose
   * body starts with three NUL bytes is taken for UTF-32 by the JSON parser's encoding detection;
   * the {@code CharConversionException} it raises is no {@code JsonProcessingException}, so {@code
   * WhatsAppNotification.read} rethrows it as {@code UncheckedIOException}: {@code 500}, which Meta
   * retries for 7 days, instead of {@code 400}. (Viber and Twilio answer 400 / 200.) Unsigned, it
   * is a 401 as it should be. Checks what {@link #hostileCallbacksAreRefusedOrKeptNeverFailed}
   * checks.
   */
  @Property(tries = 12)
  void regression_aUtf32LookalikeIsRefusedNotFailed(@ForAll("utf32Lookalikes") Callback sample) {
    hostileCallbacksAreRefusedOrKeptNeverFailed(sample);
  }

  private static HostileHttp.Answer post(Callback sample) {
    Map<String, String> h = new LinkedHashMap<>(sample.headers());
    if (sample.contentType() != null) {
      h.put("Content-Type", sample.contentType());
    }
    // a large body the service refuses before reading it (413, 415) is only declared: sending it
    // races with the
    // server closing the connection, and the client may then see no answer at all (see the report)
    boolean unread =
        sample.expect().statuses().equals(Set.of(415)) && sample.body().length > 64 * 1024;
    if (sample.declaredOver() > 0 || unread) {
      return HostileHttp.declaredLength(
          targets.stack.port(),
          sample.provider().path() + sample.query(),
          h,
          unread ? sample.body().length : sample.declaredOver());
    }
    return HostileHttp.call(
        "POST", targets.service() + sample.provider().path() + sample.query(), h, sample.body());
  }
}
