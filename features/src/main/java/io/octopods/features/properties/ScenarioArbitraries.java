package io.octopods.features.properties;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of {@link GeneratedScenario}s the simulators accept: a provider (Twilio, WhatsApp,
 * Viber), how its send API answers, and 1 to 5 callback steps with words of section 4 (deliveries,
 * progress, failures, and words that map to nothing on that provider), times from 0 to 10 s in 100
 * ms steps (whole seconds often, so that steps tie), duplicates (1 to 3 copies), failures with and
 * without the provider's error (Viber's {@code failed} always with its {@code desc}, as the real
 * one sends it: its contract requires it), and some callbacks badly signed, unsigned or dropped.
 * Failures and deliveries are drawn often enough that they meet in one message (conflicts).
 * Everything shrinks towards an accepted Twilio send with one valid {@code delivered} at 0 ms.
 */
public final class ScenarioArbitraries {
  private static final int MAX_STEPS = 5;

  private ScenarioArbitraries() {}

  /** Any scenario: every send answer, every kind of word and delivery. */
  public static Arbitrary<GeneratedScenario> scenarios() {
    return Combinators.combine(
            providers(),
            sendResponses(),
            steps(deliveries()).list().ofMinSize(1).ofMaxSize(MAX_STEPS))
        .as(ScenarioArbitraries::scenario);
  }

  /**
   * Accepted sends with at least one callback signed with the wrong secret or not signed at all
   * (I12).
   */
  public static Arbitrary<GeneratedScenario> withBadSignatures() {
    Arbitrary<Delivery> deliveries =
        Arbitraries.frequency(
            Tuple.of(3, Delivery.VALID),
            Tuple.of(2, Delivery.INVALID_SIGNATURE),
            Tuple.of(2, Delivery.MISSING_SIGNATURE));
    Arbitrary<SendResponse> accepted =
        Arbitraries.frequency(
            Tuple.of(6, SendResponse.ACCEPT),
            Tuple.of(1, SendResponse.THROTTLED_THEN_ACCEPTED),
            Tuple.of(1, SendResponse.SERVER_ERROR_THEN_ACCEPTED));
    return Combinators.combine(
            providers(), accepted, steps(deliveries).list().ofMinSize(1).ofMaxSize(MAX_STEPS))
        .as(ScenarioArbitraries::scenario)
        .filter(GeneratedScenario::hasBadSignature);
  }

  public static Arbitrary<String> providers() {
    return Arbitraries.of(ProviderWords.PROVIDERS);
  }

  /**
   * Mostly accepted: a rejected or exhausted send plays no callback, so it says little more than
   * once.
   */
  public static Arbitrary<SendResponse> sendResponses() {
    return Arbitraries.frequency(
        Tuple.of(12, SendResponse.ACCEPT),
        Tuple.of(2, SendResponse.THROTTLED_THEN_ACCEPTED),
        Tuple.of(1, SendResponse.SERVER_ERROR_THEN_ACCEPTED),
        Tuple.of(2, SendResponse.REJECT),
        Tuple.of(1, SendResponse.THROTTLED_FOREVER));
  }

  static Arbitrary<Delivery> deliveries() {
    return Arbitraries.frequency(
        Tuple.of(12, Delivery.VALID),
        Tuple.of(1, Delivery.INVALID_SIGNATURE),
        Tuple.of(1, Delivery.MISSING_SIGNATURE),
        Tuple.of(1, Delivery.DROPPED));
  }

  private static GeneratedScenario scenario(
      String provider, SendResponse send, List<StepDraft> drafts) {
    return new GeneratedScenario(provider, send, drafts.stream().map(d -> d.on(provider)).toList());
  }

  /**
   * A step whose word is chosen by kind before the provider is known, so provider and steps shrink
   * apart.
   */
  static Arbitrary<StepDraft> steps(Arbitrary<Delivery> deliveries) {
    Arbitrary<ProviderWords.Kind> kinds =
        Arbitraries.frequency(
            Tuple.of(3, ProviderWords.Kind.DELIVERY),
            Tuple.of(2, ProviderWords.Kind.PROGRESS),
            Tuple.of(2, ProviderWords.Kind.FAILURE),
            Tuple.of(1, ProviderWords.Kind.UNMAPPED));
    Arbitrary<Integer> at =
        Arbitraries.oneOf(
            Arbitraries.integers().between(0, 10).map(s -> s * 1000),
            Arbitraries.integers().between(0, 100).map(t -> t * 100));
    Arbitrary<Integer> repeat =
        Arbitraries.frequency(Tuple.of(6, 1), Tuple.of(2, 2), Tuple.of(1, 3));
    return Combinators.combine(
            kinds,
            Arbitraries.integers().between(0, 4),
            at,
            repeat,
            Arbitraries.of(false, true),
            deliveries)
        .as(StepDraft::new);
  }

  /**
   * A callback step before its provider is known; {@link #on(String)} picks the word and the error.
   */
  record StepDraft(
      ProviderWords.Kind kind,
      int wordIndex,
      int atMillis,
      int repeat,
      boolean withError,
      Delivery delivery) {

    CallbackStep on(String provider) {
      String word = ProviderWords.word(provider, kind, wordIndex);
      boolean error =
          withError && ProviderWords.failure(provider, word)
              || ProviderWords.errorRequired(provider, word);
      return new CallbackStep(
          word, atMillis, repeat, error ? ProviderWords.errorOf(provider) : null, delivery);
    }
  }
}
