package io.octopods.stack.hostile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * The read generator (I13): with our key, a read of a message by id (poll, history, the Intercom
 * and Reach JSON reads) or a list, naming another workspace's message, ours (also on the wrong
 * channel or in upper case), a random or a malformed id; lists with good and bad parameters.
 */
final class ApiReads {
  /** List parameters the service refuses with a {@code 400} naming the parameter. */
  static final List<String> BAD_LIST_QUERIES =
      List.of(
          "?limit=0",
          "?limit=101",
          "?limit=abc",
          "?status=delivered",
          "?status=BOGUS",
          "?cursor=not-a-cursor",
          "?limit=1&limit=2",
          "?status=QUEUED");

  private ApiReads() {}

  enum Endpoint {
    POLL,
    HISTORY,
    INTERCOM,
    REACH,
    LIST
  }

  enum IdKind {
    THEIRS,
    OURS_WRONG_CHANNEL,
    RANDOM_UUID,
    MALFORMED,
    OURS,
    OURS_UPPER_CASE
  }

  /** One read of a message named by {@code id} (or a list with {@code query}). */
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

  /** Any read, naming the messages of {@code w}. */
  static Arbitrary<Read> any(ApiWorkspaces w) {
    List<String> channels = ApiWorkspaces.CHANNELS;
    Arbitrary<String> malformed =
        Arbitraries.oneOf(
            Arbitraries.of(
                "null",
                "00000000-0000-0000-0000-00000000000g",
                "'%20OR%201=1%20--",
                "0",
                UUID.randomUUID() + "x",
                "%C3%A9",
                "%E2%98%83"),
            Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars("é☃")
                .ofMinLength(1)
                .ofMaxLength(40)
                .map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8).replace("%2F", "-")));
    Arbitrary<String> query =
        Arbitraries.oneOf(
            Arbitraries.of(
                "",
                "?limit=100",
                "?status=UNKNOWN&limit=100",
                "?status=SENT",
                "?limit=0",
                "?limit=101",
                "?limit=abc",
                "?status=delivered",
                "?status=BOGUS",
                "?cursor=not-a-cursor",
                "?limit=1&limit=2",
                "?status=QUEUED"));
    return Combinators.combine(
            Arbitraries.of(Endpoint.class),
            Arbitraries.of(channels),
            Arbitraries.of(IdKind.class),
            malformed,
            query)
        .as(
            (e, channel, kind, bad, q) -> {
              String id =
                  switch (kind) {
                    case THEIRS -> w.theirs(channel)[0];
                    case OURS_WRONG_CHANNEL ->
                        w.ours(channels.get((channels.indexOf(channel) + 1) % 3))[0];
                    case RANDOM_UUID -> UUID.nameUUIDFromBytes(Samples.utf8(bad)).toString();
                    case MALFORMED -> bad;
                    case OURS -> w.ours(channel)[0];
                    case OURS_UPPER_CASE -> w.ours(channel)[0].toUpperCase(Locale.ROOT);
                  };
              return new Read(e, channel, kind, id, q);
            });
  }
}
