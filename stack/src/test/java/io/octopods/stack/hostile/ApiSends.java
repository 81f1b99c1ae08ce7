package io.octopods.stack.hostile;

import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * The hostile-send generator (api.md "Public API"): a valid send request for our key, then mutated:
 * broken JSON, wrong types, unknown fields (also inside {@code contact}), a bad {@code to}, bodies
 * over the channel's length, over 64 KiB, wrong or missing content types, invalid UTF-8 and a
 * UTF-32 look-alike, duplicate fields, no object, wrong channels, missing or wrong keys; each with
 * the answer the service owes it.
 */
final class ApiSends {
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final List<String> BAD_TYPES =
      Arrays.asList(
          null,
          "text/plain",
          "application/x-www-form-urlencoded",
          "application/xml",
          "multipart/form-data; boundary=x",
          "json",
          "*/*");
  private static final String JSON = "application/json";

  private ApiSends() {}

  enum Mutation {
    VALID,
    BROKEN_JSON,
    WRONG_TYPE,
    UNKNOWN_FIELD,
    BAD_TO,
    LONG_BODY,
    OVER_64_KIB,
    WRONG_CONTENT_TYPE,
    INVALID_UTF8,
    UTF32_LOOKALIKE,
    NOT_AN_OBJECT,
    DUPLICATE_FIELD,
    WRONG_CHANNEL,
    BAD_KEY
  }

  /**
   * One hostile send; {@code mentions}: what the problem must name (a pointer or words of its
   * detail).
   */
  record Send(
      Mutation mutation,
      String channelPath,
      String contentType,
      String authorization,
      byte[] body,
      List<Integer> expected,
      List<String> mentions) {
    @Override
    public String toString() {
      return "Send["
          + mutation
          + ": POST /api/v1/"
          + channelPath
          + "/messages, Authorization "
          + (authorization == null ? "(none)" : "'" + Samples.clip(authorization, 40) + "'")
          + ", Content-Type "
          + (contentType == null ? "(none)" : "'" + contentType + "'")
          + ", body ("
          + body.length
          + " bytes) "
          + Samples.show(body, 600)
          + ", expected "
          + expected
          + " naming "
          + mentions
          + "]";
    }
  }

  /** The longest body of a channel, in code points. */
  static int maxBody(String channel) {
    return switch (channel) {
      case "sms" -> 1_600;
      case "whatsapp" -> 4_096;
      default -> 7_000;
    };
  }

  /** Any mutation (a few valid sends among them), on any channel. */
  static Arbitrary<Send> any() {
    Arbitrary<Mutation> mutation =
        Arbitraries.frequency(
            Tuple.of(4, Mutation.VALID),
            Tuple.of(8, Mutation.BROKEN_JSON),
            Tuple.of(10, Mutation.WRONG_TYPE),
            Tuple.of(8, Mutation.UNKNOWN_FIELD),
            Tuple.of(10, Mutation.BAD_TO),
            Tuple.of(5, Mutation.LONG_BODY),
            Tuple.of(2, Mutation.OVER_64_KIB),
            Tuple.of(6, Mutation.WRONG_CONTENT_TYPE),
            Tuple.of(6, Mutation.INVALID_UTF8),
            Tuple.of(5, Mutation.NOT_AN_OBJECT),
            Tuple.of(3, Mutation.DUPLICATE_FIELD),
            Tuple.of(3, Mutation.WRONG_CHANNEL),
            Tuple.of(3, Mutation.BAD_KEY));
    Arbitrary<String> channel = Arbitraries.of(ApiWorkspaces.CHANNELS);
    Arbitrary<Integer> choice = Arbitraries.integers().between(0, 9_999);
    Arbitrary<String> name =
        Arbitraries.strings()
            .withCharRange('!', '~')
            .withChars(' ')
            .ofMinLength(1)
            .ofMaxLength(12)
            .filter(n -> !List.of("to", "body", "contact", "email").contains(n));
    Arbitrary<String> badTo =
        Arbitraries.oneOf(
                Arbitraries.of(
                    "",
                    " ",
                    "+",
                    "15551230001",
                    "+0551230001",
                    "+1555",
                    "+1 555 123 0001",
                    "+1-555-123-0001",
                    "+1234567890123456",
                    "00491511234567",
                    "+１５５５１２３０００１",
                    "+15551230001\n",
                    "tel:+15551230001",
                    "+15551230001 ",
                    "whatsapp:+15551230001"),
                Arbitraries.strings().withCharRange('(', '9').ofMaxLength(20))
            .filter(t -> !E164.matcher(t).matches());
    return Combinators.combine(mutation, channel, choice, choice, name, badTo).as(ApiSends::send);
  }

  /**
   * One send: {@code a}, {@code b} the sample's choices; {@code name} an unknown field's name;
   * {@code badTo} a {@code to} that is no E.164 number.
   */
  static Send send(Mutation m, String channel, int a, int b, String name, String badTo) {
    String to = "+1555" + (8_000_000 + a);
    String valid =
        "{\"to\":\""
            + to
            + "\",\"body\":\"Hello "
            + b
            + "\",\"contact\":{\"email\":\"h"
            + b
            + "@example.com\"}}";
    String key = "Bearer " + StackUnderTest.API_KEY;
    return switch (m) {
      case VALID ->
          new Send(
              m,
              channel,
              a % 2 == 0 ? JSON : "application/json; charset=UTF-8",
              key,
              Samples.utf8(valid),
              List.of(202),
              List.of());
      case BROKEN_JSON -> {
        int cut = a % valid.length();
        yield new Send(
            m,
            channel,
            JSON,
            key,
            Samples.utf8(valid.substring(0, cut)),
            List.of(400),
            List.of(cut == 0 ? "empty" : "not JSON"));
      }
      case WRONG_TYPE -> wrongType(channel, a, b, to, valid, key);
      case UNKNOWN_FIELD -> {
        boolean inContact = a % 3 == 0;
        String field = StackHttp.quote(name) + ":" + (b % 2 == 0 ? "1" : "{\"x\":[null]}");
        String body =
            inContact
                ? valid.replace("{\"email\"", "{" + field + ",\"email\"")
                : valid.replace("{\"to\"", "{" + field + ",\"to\"");
        String pointer =
            (inContact ? "/contact/" : "/") + name.replace("~", "~0").replace("/", "~1");
        yield new Send(m, channel, JSON, key, Samples.utf8(body), List.of(400), List.of(pointer));
      }
      case BAD_TO ->
          new Send(
              m,
              channel,
              JSON,
              key,
              Samples.utf8(valid.replace("\"" + to + "\"", StackHttp.quote(badTo))),
              List.of(400),
              List.of("/to"));
      case LONG_BODY -> {
        int n = maxBody(channel) + 1 + a % 50;
        String unit =
            b % 3 == 0 ? "\uD83D\uDE00" : b % 3 == 1 ? "é" : "a"; // counted in code points
        yield new Send(
            m,
            channel,
            JSON,
            key,
            Samples.utf8(valid.replace("Hello " + b, unit.repeat(n))),
            List.of(400),
            List.of("/body"));
      }
      case OVER_64_KIB ->
          new Send(
              m,
              channel,
              JSON,
              key,
              Samples.utf8(valid.replace("Hello " + b, "a".repeat(64 * 1024 + 1 + a % 4096))),
              List.of(413),
              List.of("64 KiB"));
      case WRONG_CONTENT_TYPE -> {
        String type = BAD_TYPES.get(a % BAD_TYPES.size());
        yield new Send(
            m,
            channel,
            type,
            key,
            Samples.utf8(valid),
            List.of(415),
            List.of(
                type == null
                    ? "no Content-Type"
                    : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)));
      }
      case INVALID_UTF8 -> {
        byte[] bad = Samples.INVALID_UTF8[a % Samples.INVALID_UTF8.length];
        int at = valid.indexOf("Hello") + 3;
        byte[] body =
            Samples.concat(
                Samples.utf8(valid.substring(0, at)), bad, Samples.utf8(valid.substring(at)));
        // the parser refuses it (400) or, for sequences it does not check, reads it
        yield new Send(m, channel, JSON, key, body, List.of(400, 202), List.of("JSON"));
      }
      case UTF32_LOOKALIKE ->
          new Send(
              m,
              channel,
              JSON,
              key,
              Samples.concat(new byte[] {0, 0, 0}, Samples.utf8(valid)),
              List.of(400),
              List.of("JSON"));
      case NOT_AN_OBJECT -> {
        String[][] values = {
          {"[" + valid + "]", "array"},
          {"\"hello\"", "string"},
          {"42", "number"},
          {"null", "null"},
          {"true", "boolean"}
        };
        String[] v = values[a % values.length];
        yield new Send(m, channel, JSON, key, Samples.utf8(v[0]), List.of(400), List.of(v[1]));
      }
      case DUPLICATE_FIELD ->
          new Send(
              m,
              channel,
              JSON,
              key,
              Samples.utf8(valid.replace("{\"to\"", "{\"to\":\"+15551230002\",\"to\"")),
              List.of(400),
              List.of("to"));
      case WRONG_CHANNEL -> {
        // URIs Jetty refuses itself (%00, an encoded / or ..) are RefusedUriProperties, not
        // generated here
        String[] paths = {"telegram", "email", "smss", "whats%20app", "viber.json"};
        yield new Send(
            m, paths[a % paths.length], JSON, key, Samples.utf8(valid), List.of(404), List.of());
      }
      case BAD_KEY -> {
        String[] auths = {
          null,
          "",
          "Bearer",
          "Bearer " + StackUnderTest.API_KEY + "x",
          "Basic " + StackUnderTest.API_KEY,
          "bearer  nope",
          StackUnderTest.API_KEY,
          "Bearer " + "k".repeat(5000)
        };
        yield new Send(
            m,
            channel,
            JSON,
            auths[a % auths.length],
            Samples.utf8(valid),
            List.of(401),
            List.of());
      }
    };
  }

  /**
   * A field of the wrong type ({@code to}, {@code body}, {@code contact}, {@code contact.email}): a
   * 400 naming it.
   */
  private static Send wrongType(String channel, int a, int b, String to, String valid, String key) {
    String[] values = {
      "123", "true", "{}", "[]", "1.5", "[\"" + to + "\"]", "{\"to\":\"" + to + "\"}"
    };
    String v = values[b % values.length];
    String[][] fields = {
      {"\"to\":\"" + to + "\"", "\"to\":" + v, "/to"},
      {"\"body\":\"Hello " + b + "\"", "\"body\":" + v, "/body"},
      {
        "\"contact\":{\"email\":\"h" + b + "@example.com\"}",
        "\"contact\":" + (v.startsWith("{") ? "7" : v),
        "/contact"
      },
      {"\"email\":\"h" + b + "@example.com\"", "\"email\":" + v, "/contact/email"}
    };
    String[] f = fields[a % fields.length];
    return new Send(
        Mutation.WRONG_TYPE,
        channel,
        JSON,
        key,
        Samples.utf8(valid.replace(f[0], f[1])),
        List.of(400),
        List.of(f[2]));
  }
}
