package io.octopods.features.properties;

import io.octopods.features.harness.Harness;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;

/**
 * End-to-end properties: generated scenarios ({@link ScenarioArbitraries}: a random provider and
 * channel, send answers, orderings, duplicates, delays, conflicts, unmapped words, bad signatures)
 * played through the simulators into the service ({@link ScenarioPlay}), over HTTP only, against
 * the harness's target (a local stack with a virtual clock unless {@code octopods.check.target}
 * names one). Once the clock has settled, on every surface:
 *
 * <ul>
 *   <li>I1 only the six statuses (or their labels); I2 monotonic; I3 terminal stays terminal; I4
 *       the outcome never flips; I5 READ only on WhatsApp (an SMS {@code read} and a Viber {@code
 *       seen} are DELIVERED); I14 {@code updated_at} is the time of the last change and never goes
 *       back: checked by the harness's {@code HistoryInvariants} and {@code SurfaceInvariants}
 *       after the hand-off, mid-way and at the end;
 *   <li>I7 order independence and I8 conflicts (first outcome wins): the final status and every
 *       callback event of the history, and HubSpot's trail of events, equal what {@link
 *       StatusOracle} computes from the generated steps alone;
 *   <li>I9 idempotence: each duplicate copy is recorded as {@code duplicate}, and HubSpot gets no
 *       event twice;
 *   <li>I10 the API, HubSpot, Intercom's Inbox and Reach agree;
 *   <li>I12 authenticity: badly signed and unsigned callbacks are refused with 401 and change
 *       nothing (no history event, no HubSpot event, no status change) - {@link
 *       #badlySignedCallbacksChangeNothing}.
 * </ul>
 *
 * <p>A failing property prints its shrunk sample as a scenario document (see {@link
 * GeneratedScenario}): save it into {@code simulator/src/main/resources/scenarios/} and it plays in
 * a feature. Each try is one message end to end, so the numbers of tries are pinned to keep {@code
 * mvn verify} short, and shrinking is bounded (jqwik's {@code jqwik.shrinking.bounded.seconds}).
 *
 * <p>{@code afterFailure = SAMPLE_FIRST}: the next run (Surefire, or {@code ./octopods check} in
 * the same folder, through {@code jqwik.database}) replays the shrunk failing scenario first - one
 * quick end-to-end message that says at once whether a fix works - and then the same seed's tries;
 * a random seed would let a small budget of tries miss the failure again, and PREVIOUS_SEED would
 * replay every try before the interesting one.
 */
public class EndToEndProperties {
  /** Tries of the main property: each one message end to end. */
  public static final int TRIES = 20;

  /** Tries of the authenticity property. */
  public static final int AUTHENTICITY_TRIES = 6;

  private final Harness harness = Harness.get();
  private final ScenarioPlay play = new ScenarioPlay(harness);
  private final OracleCheck oracle = new OracleCheck(harness.ledger());

  /**
   * Any generated scenario: the invariants hold on every surface and the outcome is the oracle's
   * (I7, I8).
   */
  @Property(
      tries = TRIES,
      shrinking = ShrinkingMode.BOUNDED,
      afterFailure = AfterFailureMode.SAMPLE_FIRST,
      edgeCases = EdgeCasesMode.NONE,
      generation = GenerationMode.RANDOMIZED)
  void invariantsHoldOnEverySurface(@ForAll("scenarios") GeneratedScenario scenario) {
    Expectation expected = StatusOracle.expect(scenario);
    Statistics.label("provider").collect(scenario.provider());
    Statistics.label("expected status").collect(expected.finalStatus());
    Statistics.label("conflicting reports").collect(expected.conflicting());
    PlayedMessage played = play.play("invariantsHoldOnEverySurface", scenario);
    oracle.outcome(expected, played);
    oracle.hubspotTrail(expected.outcomeInvariant(), expected, played);
  }

  /**
   * I12: scenarios with callbacks signed with the wrong secret or unsigned end as if those were
   * never sent.
   */
  @Property(
      tries = AUTHENTICITY_TRIES,
      shrinking = ShrinkingMode.BOUNDED,
      afterFailure = AfterFailureMode.SAMPLE_FIRST,
      edgeCases = EdgeCasesMode.NONE,
      generation = GenerationMode.RANDOMIZED)
  void badlySignedCallbacksChangeNothing(@ForAll("badlySigned") GeneratedScenario scenario) {
    Expectation expected = StatusOracle.expect(scenario);
    Statistics.label("provider").collect(scenario.provider());
    PlayedMessage played = play.play("badlySignedCallbacksChangeNothing", scenario);
    oracle.onlyAuthenticCallbacksCount(expected, played);
    oracle.hubspotTrail("I12", expected, played);
  }

  @Provide
  Arbitrary<GeneratedScenario> scenarios() {
    return ScenarioArbitraries.scenarios();
  }

  @Provide
  Arbitrary<GeneratedScenario> badlySigned() {
    return ScenarioArbitraries.withBadSignatures();
  }
}
