package io.octopods.service.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.service.support.StackUnderTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile public-API requests against one real service (StackUnderTest: real HTTP, embedded H2; keys
 * {@code API_KEY} of workspace acme and {@code OTHER_KEY} of workspace other), started once for this class.
 *
 * <p>Rules checked (api.md "Public API", status-model.md):
 * <ul>
 *   <li>never a {@code 5xx} while storage is up, whatever the body: broken JSON, wrong types, unknown fields
 *       (also inside {@code contact}), a bad {@code to}, bodies over the channel's length, over 64 KiB
 *       ({@code 413}), wrong or missing content types ({@code 415}), invalid UTF-8 and a UTF-32 look-alike,
 *       duplicate fields, no object, wrong channels ({@code 404}), missing or wrong keys ({@code 401});</li>
 *   <li>every 4xx is {@code application/problem+json} with {@code type}, {@code title}, {@code status} and a
 *       {@code detail}, and a {@code 400} names the field: an {@code errors[].pointer} such as {@code /to}, or
 *       its {@code detail} says what is wrong with the body as a whole;</li>
 *   <li>I13 (isolation): another workspace's message answers {@code 404} (never 403, never its data) on every
 *       read: poll, history, and the Intercom and Reach JSON reads; so do random and malformed ids and our own
 *       id on the wrong channel; a list never shows another workspace's messages.</li>
 * </ul>
 */
class HostileApiProperties {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final List<String> CHANNELS = List.of("sms", "whatsapp", "viber");
  private static StackUnderTest stack;
  /** Per channel: our message {id, to} and theirs (workspace other). */
  private static final Map<String, String[]> OURS = new LinkedHashMap<>();
  private static final Map<String, String[]> THEIRS = new LinkedHashMap<>();

  @BeforeContainer
  static void startStack() {
    stack = StackUnderTest.start();
    for (String channel : CHANNELS) {
      String ourTo = StackUnderTest.freshRecipient();
      OURS.put(channel, new String[] {stack.send(channel, ourTo).path("message_id").asText(), ourTo});
      String theirTo = StackUnderTest.freshRecipient();
      THEIRS.put(channel, new String[] {stack.send(channel, theirTo, StackUnderTest.OTHER_KEY).path("message_id")
          .asText(), theirTo});
    }
  }

  @AfterContainer
  static void stopStack() {
    if (stack != null) {
      stack.close();
    }
  }

  static int maxBody(String channel) {
    return switch (channel) {
      case "sms" -> 1_600;
      case "whatsapp" -> 4_096;
      default -> 7_000;
    };
  }

  // ---------------------------------------------------------------- send requests

  enum Mutation {
    VALID, BROKEN_JSON, WRONG_TYPE, UNKNOWN_FIELD, BAD_TO, LONG_BODY, OVER_64_KIB, WRONG_CONTENT_TYPE, INVALID_UTF8,
    UTF32_LOOKALIKE, NOT_AN_OBJECT, DUPLICATE_FIELD, WRONG_CHANNEL, BAD_KEY
  }

  /** One hostile send; {@code mentions}: what the problem must name (a pointer or words of its detail). */
  record Send(Mutation mutation, String channelPath, String contentType, String authorization, byte[] body,
      List<Integer> expected, List<String> mentions) {
    @Override
    public String toString() {
      return "Send[" + mutation + ": POST /api/v1/" + channelPath + "/messages, Authorization "
          + (authorization == null ? "(none)" : "'" + Samples.clip(authorization, 40) + "'") + ", Content-Type "
          + (contentType == null ? "(none)" : "'" + contentType + "'") + ", body (" + body.length + " bytes) "
          + Samples.show(body, 600) + ", expected " + expected + " naming " + mentions + "]";
    }
  }

  @Provide
  Arbitrary<Send> sends() {
    Arbitrary<Mutation> mutation = Arbitraries.frequency(Tuple.of(4, Mutation.VALID), Tuple.of(8, Mutation.BROKEN_JSON),
        Tuple.of(10, Mutation.WRONG_TYPE), Tuple.of(8, Mutation.UNKNOWN_FIELD), Tuple.of(10, Mutation.BAD_TO),
        Tuple.of(5, Mutation.LONG_BODY), Tuple.of(2, Mutation.OVER_64_KIB), Tuple.of(6, Mutation.WRONG_CONTENT_TYPE),
        Tuple.of(6, Mutation.INVALID_UTF8), Tuple.of(5, Mutation.NOT_AN_OBJECT),
        Tuple.of(3, Mutation.DUPLICATE_FIELD), Tuple.of(3, Mutation.WRONG_CHANNEL), Tuple.of(3, Mutation.BAD_KEY));
    Arbitrary<String> channel = Arbitraries.of(CHANNELS);
    Arbitrary<Integer> choice = Arbitraries.integers().between(0, 9_999);
    Arbitrary<String> name = Arbitraries.strings().withCharRange('!', '~').withChars(' ').ofMinLength(1)
        .ofMaxLength(12).filter(n -> !List.of("to", "body", "contact", "email").contains(n));
    Arbitrary<String> badTo = Arbitraries.oneOf(
        Arbitraries.of("", " ", "+", "15551230001", "+0551230001", "+1555", "+1 555 123 0001", "+1-555-123-0001",
            "+1234567890123456", "00491511234567", "+１５５５１２３０００１", "+15551230001\n", "tel:+15551230001",
            "+15551230001 ", "whatsapp:+15551230001"),
        Arbitraries.strings().withCharRange('(', '9').ofMaxLength(20)).filter(t -> !E164.matcher(t).matches());
    return Combinators.combine(mutation, channel, choice, choice, name, badTo).as(HostileApiProperties::send);
  }

  private static final List<String> BAD_TYPES = java.util.Arrays.asList(null, "text/plain",
      "application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x", "json", "*/*");
  private static final byte[][] BAD_UTF8 = {{(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3, 0x28}, {(byte) 0xC0,
      (byte) 0xAF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80,
      (byte) 0x80, (byte) 0x80}};

  private static Send send(Mutation m, String channel, int a, int b, String name, String badTo) {
    String to = "+1555" + (8_000_000 + a);
    String valid = "{\"to\":\"" + to + "\",\"body\":\"Hello " + b + "\",\"contact\":{\"email\":\"h" + b
        + "@example.com\"}}";
    String json = "application/json";
    String key = "Bearer " + StackUnderTest.API_KEY;
    switch (m) {
      case VALID:
        return new Send(m, channel, a % 2 == 0 ? json : "application/json; charset=UTF-8", key, Samples.utf8(valid),
            List.of(202), List.of());
      case BROKEN_JSON: {
        int cut = a % valid.length();
        return new Send(m, channel, json, key, Samples.utf8(valid.substring(0, cut)), List.of(400),
            List.of(cut == 0 ? "empty" : "not JSON"));
      }
      case WRONG_TYPE: {
        String[] values = {"123", "true", "{}", "[]", "1.5", "[\"" + to + "\"]", "{\"to\":\"" + to + "\"}"};
        String v = values[b % values.length];
        String[][] fields = {{"\"to\":\"" + to + "\"", "\"to\":" + v, "/to"},
            {"\"body\":\"Hello " + b + "\"", "\"body\":" + v, "/body"},
            {"\"contact\":{\"email\":\"h" + b + "@example.com\"}", "\"contact\":" + (v.startsWith("{") ? "7" : v),
                "/contact"},
            {"\"email\":\"h" + b + "@example.com\"", "\"email\":" + v, "/contact/email"}};
        String[] f = fields[a % fields.length];
        return new Send(m, channel, json, key, Samples.utf8(valid.replace(f[0], f[1])), List.of(400), List.of(f[2]));
      }
      case UNKNOWN_FIELD: {
        boolean inContact = a % 3 == 0;
        String field = io.octopods.service.support.StackHttp.quote(name) + ":"
            + (b % 2 == 0 ? "1" : "{\"x\":[null]}");
        String body = inContact ? valid.replace("{\"email\"", "{" + field + ",\"email\"")
            : valid.replace("{\"to\"", "{" + field + ",\"to\"");
        String pointer = (inContact ? "/contact/" : "/") + name.replace("~", "~0").replace("/", "~1");
        return new Send(m, channel, json, key, Samples.utf8(body), List.of(400), List.of(pointer));
      }
      case BAD_TO:
        return new Send(m, channel, json, key, Samples.utf8(valid.replace("\"" + to + "\"",
            io.octopods.service.support.StackHttp.quote(badTo))), List.of(400), List.of("/to"));
      case LONG_BODY: {
        int n = maxBody(channel) + 1 + a % 50;
        String unit = b % 3 == 0 ? "\uD83D\uDE00" : b % 3 == 1 ? "é" : "a"; // counted in code points
        return new Send(m, channel, json, key, Samples.utf8(valid.replace("Hello " + b, unit.repeat(n))),
            List.of(400), List.of("/body"));
      }
      case OVER_64_KIB: {
        String big = "a".repeat(64 * 1024 + 1 + a % 4096);
        return new Send(m, channel, json, key, Samples.utf8(valid.replace("Hello " + b, big)), List.of(413),
            List.of("64 KiB"));
      }
      case WRONG_CONTENT_TYPE: {
        String type = BAD_TYPES.get(a % BAD_TYPES.size());
        return new Send(m, channel, type, key, Samples.utf8(valid), List.of(415),
            List.of(type == null ? "no Content-Type" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)));
      }
      case INVALID_UTF8: {
        byte[] bad = BAD_UTF8[a % BAD_UTF8.length];
        int at = valid.indexOf("Hello") + 3;
        byte[] body = Samples.concat(Samples.utf8(valid.substring(0, at)), bad, Samples.utf8(valid.substring(at)));
        // the parser refuses it (400) or, for sequences it does not check, reads it
        return new Send(m, channel, json, key, body, List.of(400, 202), List.of("JSON"));
      }
      case UTF32_LOOKALIKE:
        return new Send(m, channel, json, key, Samples.concat(new byte[] {0, 0, 0}, Samples.utf8(valid)), List.of(400),
            List.of("JSON"));
      case NOT_AN_OBJECT: {
        String[][] values = {{"[" + valid + "]", "array"}, {"\"hello\"", "string"}, {"42", "number"},
            {"null", "null"}, {"true", "boolean"}};
        String[] v = values[a % values.length];
        return new Send(m, channel, json, key, Samples.utf8(v[0]), List.of(400), List.of(v[1]));
      }
      case DUPLICATE_FIELD:
        return new Send(m, channel, json, key, Samples.utf8(valid.replace("{\"to\"", "{\"to\":\"+15551230002\",\"to\"")),
            List.of(400), List.of("to"));
      case WRONG_CHANNEL: {
        // URIs Jetty refuses itself (%00, an encoded / or ..) are the disabled finding below, not generated here
        String[] paths = {"telegram", "email", "smss", "whats%20app", "viber.json"};
        String p = paths[a % paths.length];
        return new Send(m, p, json, key, Samples.utf8(valid), List.of(404), List.of());
      }
      case BAD_KEY:
      default: {
        String[] auths = {null, "", "Bearer", "Bearer " + StackUnderTest.API_KEY + "x", "Basic " + StackUnderTest.API_KEY,
            "bearer  nope", StackUnderTest.API_KEY, "Bearer " + "k".repeat(5000)};
        return new Send(m, channel, json, auths[a % auths.length], Samples.utf8(valid), List.of(401), List.of());
      }
    }
  }

  /** Never a 5xx; the expected answer; every 4xx a problem+json naming the field (a pointer) or what is wrong. */
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
    HostileHttp.Answer a = HostileHttp.call("POST", stack.service() + "/api/v1/" + s.channelPath() + "/messages", h,
        s.body());
    Statistics.label("answer").collect(a.status());
    assertThat(a.status()).as("never a 5xx while storage is up: %s\nfor %s", a, s).isLessThan(500);
    assertThat(s.expected()).as("the answer %s\nfor %s", a, s).contains(a.status());
    if (a.status() >= 400) {
      String said = HostileHttp.problemText(a, s);
      for (String mention : s.mentions()) {
        if (mention.startsWith("/")) {
          assertThat(HostileHttp.pointers(a)).as("the 400 points at %s: %s\nfor %s", mention, a, s).contains(mention);
        } else {
          assertThat(said.toLowerCase(Locale.ROOT)).as("the problem names %s: %s\nfor %s", mention, a, s)
              .contains(mention.toLowerCase(Locale.ROOT));
        }
      }
    } else {
      assertThat(a.json().path("message_id").asText()).as("a 202 answers the message: %s", a).isNotBlank();
    }
  }

  /**
   * Regression (found by these properties, fixed): a send whose JSON body starts with three NUL bytes is taken for UTF-32 by the
   * JSON parser's encoding detection; its invalid UTF-32 units raise a {@code CharConversionException}, an
   * {@code IOException} that is no {@code JsonProcessingException}, which {@code JsonRequestBody.object} turns
   * into an {@code UncheckedIOException}: {@code 500 Internal error} instead of {@code 400}.
   */
  @Property(tries = 10)
  void regression_aUtf32LookalikeSendIsA400(@ForAll("channels") String channel, @ForAll("choices") int a) {
    hostileSendsAreRefusedWithAProblemNeverFailed(send(Mutation.UTF32_LOOKALIKE, channel, a, a, "x", "x"));
  }

  /**
   * Regression (found by these properties, fixed): problem+json answers carry no charset and are written in ISO-8859-1 (Jetty's
   * default for a media type it does not know), so any non-ASCII text they echo (an unknown field's name, a
   * bad {@code to}) arrives mangled: a field named {@code é} comes back as the pointer {@code /contact/\uFFFD}.
   * JSON must be UTF-8 (RFC 8259 section 8.1).
   */
  @Property(tries = 10)
  void regression_aNonAsciiFieldIsNamedIntactInTheProblem(@ForAll("channels") String channel,
      @ForAll("nonAscii") String name) {
    hostileSendsAreRefusedWithAProblemNeverFailed(send(Mutation.UNKNOWN_FIELD, channel, 0, 0, name, "x"));
  }

  @Provide
  Arbitrary<String> nonAscii() {
    return Arbitraries.of("é", "☃", "naïve", "日本", "😀");
  }

  @Provide
  Arbitrary<String> channels() {
    return Arbitraries.of(CHANNELS);
  }

  @Provide
  Arbitrary<Integer> choices() {
    return Arbitraries.integers().between(0, 9_999);
  }

  /**
   * FINDING (see the report): ids Jetty refuses as a URI before Javalin sees them ({@code %00}, an encoded
   * {@code /} or {@code ..}) answer {@code 400 text/html} (Jetty's error page), not problem+json; still no data
   * and no 5xx.
   */
  @net.jqwik.api.Disabled("finding: GET /surfaces/intercom/messages/%00 (and %2F, %2e%2e) answers Jetty's 400 text/html, "
      + "not application/problem+json")
  @Property(tries = 12)
  void finding_aUriJettyRefusesIsStillAProblem(@ForAll("jettyRefused") String id, @ForAll("channels") String channel) {
    for (Endpoint e : List.of(Endpoint.POLL, Endpoint.HISTORY, Endpoint.INTERCOM, Endpoint.REACH)) {
      Read r = new Read(e, channel, IdKind.MALFORMED, id, "");
      HostileHttp.Answer a = HostileHttp.call("GET", stack.service() + r.path(),
          StackUnderTest.auth(StackUnderTest.API_KEY), null);
      assertThat(a.status()).as("%s\nfor %s", a, r).isLessThan(500);
      if (a.status() >= 400) {
        HostileHttp.problemText(a, r);
      }
    }
  }

  @Provide
  Arbitrary<String> jettyRefused() {
    return Arbitraries.of("%00", "..%2F..", "%2e%2e", "a%2Fb", "%2F", "..", "%5C");
  }

  // ---------------------------------------------------------------- reads (I13)

  enum Endpoint { POLL, HISTORY, INTERCOM, REACH, LIST }

  enum IdKind { THEIRS, OURS_WRONG_CHANNEL, RANDOM_UUID, MALFORMED, OURS, OURS_UPPER_CASE }

  /** One read with our key (acme) of a message named by {@code id}. */
  record Read(Endpoint endpoint, String channel, IdKind kind, String id, String query) {
    @Override
    public String toString() {
      return "Read[" + endpoint + " " + kind + ": GET " + path() + "]";
    }

    String path() {
      return switch (endpoint) {
        case POLL -> "/api/v1/" + channel + "/messages/" + id;
        case HISTORY -> "/api/v1/" + channel + "/messages/" + id + "/history";
        case INTERCOM -> "/surfaces/intercom/messages/" + id;
        case REACH -> "/surfaces/reach/messages/" + id + "/timeline";
        case LIST -> "/api/v1/" + channel + "/messages" + query;
      };
    }
  }

  @Provide
  Arbitrary<Read> reads() {
    Arbitrary<String> malformed = Arbitraries.oneOf(
        Arbitraries.of("null", "00000000-0000-0000-0000-00000000000g", "'%20OR%201=1%20--", "0",
            UUID.randomUUID() + "x", "%C3%A9", "%E2%98%83"),
        Arbitraries.strings().withCharRange(' ', '~').withChars("é☃").ofMinLength(1).ofMaxLength(40)
            .map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8).replace("%2F", "-")));
    Arbitrary<String> query = Arbitraries.oneOf(
        Arbitraries.of("", "?limit=100", "?status=UNKNOWN&limit=100", "?status=SENT", "?limit=0", "?limit=101",
            "?limit=abc", "?status=delivered", "?status=BOGUS", "?cursor=not-a-cursor", "?limit=1&limit=2",
            "?status=QUEUED"));
    return Combinators.combine(Arbitraries.of(Endpoint.class), Arbitraries.of(CHANNELS), Arbitraries.of(IdKind.class),
        malformed, query).as((e, channel, kind, bad, q) -> {
          String id = switch (kind) {
            case THEIRS -> THEIRS.get(channel)[0];
            case OURS_WRONG_CHANNEL -> OURS.get(CHANNELS.get((CHANNELS.indexOf(channel) + 1) % 3))[0];
            case RANDOM_UUID -> UUID.nameUUIDFromBytes(Samples.utf8(bad)).toString();
            case MALFORMED -> bad;
            case OURS -> OURS.get(channel)[0];
            case OURS_UPPER_CASE -> OURS.get(channel)[0].toUpperCase(Locale.ROOT);
          };
          return new Read(e, channel, kind, id, q);
        });
  }

  /**
   * I13: with our key, another workspace's message is 404 on every read and never shows its data; random and
   * malformed ids and our id on another channel are the same 404; our own message is 200; a list never holds
   * another workspace's message, and a bad list parameter is a 400 naming it.
   */
  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void anotherWorkspacesMessageIsNotFoundEverywhere(@ForAll("reads") Read r) {
    Statistics.label("endpoint/kind").collect(r.endpoint(), r.kind());
    HostileHttp.Answer a = HostileHttp.call("GET", stack.service() + r.path(),
        StackUnderTest.auth(StackUnderTest.API_KEY), null);
    Statistics.label("answer").collect(a.status());
    assertThat(a.status()).as("never a 5xx: %s\nfor %s", a, r).isLessThan(500);
    for (String[] theirs : THEIRS.values()) {
      assertThat(a.body()).as("I13: never another workspace's data: %s\nfor %s", a, r).doesNotContain(theirs[1]);
      if (r.kind() != IdKind.THEIRS) {
        assertThat(a.body()).as("I13: never another workspace's id: %s\nfor %s", a, r).doesNotContain(theirs[0]);
      }
    }
    if (r.endpoint() == Endpoint.LIST) {
      List<String> bad = List.of("?limit=0", "?limit=101", "?limit=abc", "?status=delivered", "?status=BOGUS",
          "?cursor=not-a-cursor", "?limit=1&limit=2", "?status=QUEUED");
      if (bad.contains(r.query())) {
        assertThat(a.status()).as("a bad list parameter: %s\nfor %s", a, r).isEqualTo(400);
        HostileHttp.problemText(a, r);
        String param = r.query().substring(1).split("=", 2)[0];
        assertThat(HostileHttp.pointers(a)).as("the 400 names the parameter: %s\nfor %s", a, r)
            .anyMatch(p -> p.contains(param));
      } else {
        assertThat(a.status()).as("a list: %s\nfor %s", a, r).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        a.json().path("data").forEach(m -> ids.add(m.path("message_id").asText()));
        THEIRS.values().forEach(t -> assertThat(ids).as("I13: their message in our list\nfor %s", r)
            .doesNotContain(t[0]));
      }
      return;
    }
    boolean surface = r.endpoint() == Endpoint.INTERCOM || r.endpoint() == Endpoint.REACH;
    boolean ours = r.kind() == IdKind.OURS || r.kind() == IdKind.OURS_UPPER_CASE
        || (surface && r.kind() == IdKind.OURS_WRONG_CHANNEL);
    if (ours) {
      assertThat(a.status()).as("our own message: %s\nfor %s", a, r).isEqualTo(200);
      if (r.endpoint() == Endpoint.HISTORY) {
        assertThat(a.json().path("data").isArray()).as("our history: %s", a).isTrue();
      } else {
        assertThat(a.body()).contains(r.id().toLowerCase(Locale.ROOT));
      }
    } else {
      assertThat(a.status()).as("I13: not ours, so 404 (never 403): %s\nfor %s", a, r).isEqualTo(404);
      HostileHttp.problemText(a, r);
    }
  }

  /** I13 the other way round: their key never reads ours, on any read. */
  @Property(tries = 12)
  void ourMessageIsNotFoundForTheOtherWorkspace(@ForAll("reads") Read r) {
    if (r.endpoint() == Endpoint.LIST || r.kind() != IdKind.OURS) {
      Read mirrored = new Read(r.endpoint() == Endpoint.LIST ? Endpoint.POLL : r.endpoint(), r.channel(), IdKind.OURS,
          OURS.get(r.channel())[0], "");
      r = mirrored;
    }
    HostileHttp.Answer a = HostileHttp.call("GET", stack.service() + r.path(),
        StackUnderTest.auth(StackUnderTest.OTHER_KEY), null);
    assertThat(a.status()).as("I13: %s\nfor %s with the other workspace's key", a, r).isEqualTo(404);
    HostileHttp.problemText(a, r);
    assertThat(a.body()).doesNotContain(OURS.get(r.channel())[1]);
    JsonNode list = HostileHttp.call("GET", stack.service() + "/api/v1/" + r.channel() + "/messages?limit=100",
        StackUnderTest.auth(StackUnderTest.OTHER_KEY), null).json();
    assertThat(list.path("data").findValuesAsText("message_id")).doesNotContain(OURS.get(r.channel())[0]);
  }
}
