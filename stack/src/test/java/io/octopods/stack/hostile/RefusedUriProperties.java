package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.stack.hostile.ApiReads.Endpoint;
import io.octopods.stack.hostile.ApiReads.IdKind;
import io.octopods.stack.hostile.ApiReads.Read;
import io.octopods.stack.support.StackUnderTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Requests Jetty itself refuses before any route sees them, against one real service
 * (StackUnderTest), started once for this class: ids that make the URI unacceptable ({@code %00},
 * control characters, a bad {@code %XX} escape, percent-encoded bytes that are no UTF-8) and URIs
 * or headers over Jetty's limits.
 *
 * <p>Rule checked (api.md "Public API": errors are RFC 9457 problems): they are answered like every
 * other error of the service, as {@code application/problem+json} naming what is wrong (not Jetty's
 * {@code text/html} error page), with no data and never a {@code 5xx}; ids Jetty lets through (an
 * encoded {@code /}, {@code ..}) reach the routes and are the same problem.
 */
class RefusedUriProperties {
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
  Arbitrary<String> jettyRefused() {
    return Arbitraries.of(
        "%00",
        "..%2F..",
        "%2e%2e",
        "a%2Fb",
        "%2F",
        "..",
        "%5C",
        "a%00b",
        "%01",
        "%1F",
        "%7F",
        "%zz",
        "%",
        "%C3",
        "%ED%A0%80",
        "%C0%AF",
        "%FF");
  }

  @Provide
  Arbitrary<String> channels() {
    return Arbitraries.of(ApiWorkspaces.CHANNELS);
  }

  /**
   * An id Jetty refuses as a URI ({@code %00}, an encoded {@code /} or {@code ..}, a bad escape or
   * no UTF-8), sent exactly so, on every read by id: never a 5xx; every 4xx is problem+json; the
   * {@code 400}s Jetty answers itself say the request URI is not accepted.
   */
  @Property(
      tries = 60) // 17 ids x 3 channels: every combination (jqwik generates them exhaustively)
  void aUriJettyRefusesIsAnsweredAsAProblemNamingTheUri(
      @ForAll("jettyRefused") String id, @ForAll("channels") String channel) {
    for (Endpoint e : List.of(Endpoint.POLL, Endpoint.HISTORY, Endpoint.INTERCOM, Endpoint.REACH)) {
      Read r = new Read(e, channel, IdKind.MALFORMED, id, "");
      HostileHttp.Answer a =
          HostileHttp.rawGet(stack.port(), r.path(), StackUnderTest.auth(StackUnderTest.API_KEY));
      Statistics.label("id/answer").collect(id, a.status());
      AnswerChecks.never5xx(a, r);
      if (a.status() >= 400) {
        String said = AnswerChecks.problemText(a, r);
        if (a.status() == 400 && a.json().path("title").asText().equals("Bad request")) {
          assertThat(said).as("a URI Jetty refuses is named: %s\nfor %s", a, r).contains("URI");
        }
      }
    }
  }

  /**
   * A URI over Jetty's limit answers {@code 414} and headers over it {@code 431}, each a
   * problem+json saying which; never a 5xx.
   */
  @Property(tries = 10)
  void anOverlongUriOrHeaderIsAProblemNamingWhich(
      @ForAll @IntRange(min = 9, max = 64) int kib, @ForAll boolean header) {
    String filler = "a".repeat(kib * 1024);
    Map<String, String> h = new LinkedHashMap<>(StackUnderTest.auth(StackUnderTest.API_KEY));
    String path = "/api/v1/sms/messages/";
    if (header) {
      h.put("X-Filler", filler);
      path += "00000000-0000-0000-0000-000000000000";
    } else {
      path += filler;
    }
    HostileHttp.Answer a = HostileHttp.call("GET", stack.service() + path, h, null);
    String sample = (header ? "a header of " : "a URI of ") + kib + " KiB";
    AnswerChecks.never5xx(a, sample);
    assertThat(a.status()).as("%s\nfor %s", a, sample).isEqualTo(header ? 431 : 414);
    String said = AnswerChecks.problemText(a, sample).toLowerCase(Locale.ROOT);
    assertThat(said)
        .as("the problem says which: %s\nfor %s", a, sample)
        .contains(header ? "headers" : "uri");
  }
}
