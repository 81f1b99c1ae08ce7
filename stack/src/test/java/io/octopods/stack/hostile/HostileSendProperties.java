package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.stack.hostile.ApiSends.Mutation;
import io.octopods.stack.hostile.ApiSends.Send;
import io.octopods.stack.support.StackUnderTest;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile send requests ({@link ApiSends}) against one real service (StackUnderTest: real HTTP,
 * embedded H2), started once for this class.
 *
 * <p>Rules checked (api.md "Public API", status-model.md):
 *
 * <ul>
 *   <li>never a {@code 5xx} while storage is up, whatever the body: broken JSON, wrong types,
 *       unknown fields (also inside {@code contact}), a bad {@code to}, bodies over the channel's
 *       length, over 64 KiB ({@code 413}), wrong or missing content types ({@code 415}), invalid
 *       UTF-8 and a UTF-32 look-alike, duplicate fields, no object, wrong channels ({@code 404}),
 *       missing or wrong keys ({@code 401});
 *   <li>every 4xx is {@code application/problem+json} with {@code type}, {@code title}, {@code
 *       status} and a {@code detail}, and a {@code 400} names the field: an {@code
 *       errors[].pointer} such as {@code /to}, or its {@code detail} says what is wrong with the
 *       body as a whole.
 * </ul>
 */
class HostileSendProperties {
  private static StackUnderTest stack;

  @BeforeContainer
  static void startStack() {
    stack = StackUnderTest.start();
  }

  @AfterContainer
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  @Provide
  Arbitrary<Send> sends() {
    return ApiSends.any();
  }

  @Provide
  Arbitrary<String> nonAscii() {
    return Arbitraries.of("é", "☃", "naïve", "日本", "😀");
  }

  @Provide
  Arbitrary<String> channels() {
    return Arbitraries.of(ApiWorkspaces.CHANNELS);
  }

  @Provide
  Arbitrary<Integer> choices() {
    return Arbitraries.integers().between(0, 9_999);
  }

  /**
   * Never a 5xx; the expected answer; every 4xx a problem+json naming the field (a pointer) or what
   * is wrong.
   */
  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void hostileSendsAreRefusedWithAProblemNeverFailed(@ForAll("sends") Send s) {
    Statistics.label("mutation").collect(s.mutation());
    Map<String, String> h = new LinkedHashMap<>();
    if (s.authorization() != null && !s.authorization().isEmpty()) {
      h.put("Authorization", s.authorization());
    }
    if (s.contentType() != null) {
      h.put("Content-Type", s.contentType());
    }
    HostileHttp.Answer a =
        HostileHttp.call(
            "POST", stack.service() + "/api/v1/" + s.channelPath() + "/messages", h, s.body());
    Statistics.label("answer").collect(a.status());
    AnswerChecks.answered(a, s.expected(), s.mentions(), s);
    if (a.status() < 400) {
      assertThat(a.json().path("message_id").asText())
          .as("a 202 answers the message: %s", a)
          .isNotBlank();
    }
  }

  /**
   * Regression (found by these properties, fixed): a send whose JSON body starts with three NUL
   * bytes is taken for UTF-32 by the JSON parser's encoding detection; its invalid UTF-32 units
   * raise a {@code CharConversionException}, an {@code IOException} that is no {@code
   * JsonProcessingException}, which {@code JsonRequestBody.object} turns into an {@code
   * UncheckedIOException}: {@code 500 Internal error} instead of {@code 400}. Checks what {@link
   * #hostileSendsAreRefusedWithAProblemNeverFailed} checks.
   */
  @Property(tries = 10)
  void regression_aUtf32LookalikeSendIsA400(
      @ForAll("channels") String channel, @ForAll("choices") int a) {
    hostileSendsAreRefusedWithAProblemNeverFailed(
        ApiSends.send(Mutation.UTF32_LOOKALIKE, channel, a, a, "x", "x"));
  }

  /**
   * Regression (found by these properties, fixed): problem+json answers carry no charset and are
   * written in ISO-8859-1 (Jetty's default for a media type it does not know), so any non-ASCII
   * text they echo (an unknown field's name, a bad {@code to}) arrives mangled: a field named
   * {@code é} comes back as the pointer {@code /contact/\uFFFD}. JSON must be UTF-8 (RFC 8259
   * section 8.1). Checks the 400 points at the field intact.
   */
  @Property(tries = 10)
  void regression_aNonAsciiFieldIsNamedIntactInTheProblem(
      @ForAll("channels") String channel, @ForAll("nonAscii") String name) {
    hostileSendsAreRefusedWithAProblemNeverFailed(
        ApiSends.send(Mutation.UNKNOWN_FIELD, channel, 0, 0, name, "x"));
  }
}
