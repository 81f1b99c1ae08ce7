package io.octopods.features.properties;

import io.octopods.contracts.StatusModel;
import java.util.List;
import java.util.Map;

/**
 * The provider words of status-model.md section 4 for the generator and the oracle (independently
 * of the service): what each word of each provider maps to ({@link StatusModel}, the contracts'
 * oracle), which words are the channel's proof of delivery (an SMS {@code read}, a Viber {@code
 * seen}), and, for generating, the words grouped by what they report. The {@link Kind#UNMAPPED}
 * words map to nothing on that provider: a word of another provider, a deprecated one, a new one.
 */
public final class ProviderWords {
  /**
   * What a generated word reports; the generator picks a kind first, so that failures and
   * deliveries meet often.
   */
  public enum Kind {
    DELIVERY,
    PROGRESS,
    FAILURE,
    UNMAPPED
  }

  public static final List<String> PROVIDERS = List.of("twilio", "whatsapp", "viber");

  /**
   * The words the generator draws from, simplest first (a shrunk scenario uses the first word of a
   * kind).
   */
  private static final Map<String, Map<Kind, List<String>>> BY_KIND =
      Map.of(
          "twilio",
              Map.of(
                  Kind.DELIVERY,
                  List.of("delivered", "read"),
                  Kind.PROGRESS,
                  List.of("sent", "queued", "accepted", "sending", "scheduled"),
                  Kind.FAILURE,
                  List.of("failed", "undelivered", "canceled"),
                  Kind.UNMAPPED,
                  List.of("partially_delivered", "played", "future_status")),
          "whatsapp",
              Map.of(
                  Kind.DELIVERY,
                  List.of("delivered", "read", "played", "deleted"),
                  Kind.PROGRESS,
                  List.of("sent"),
                  Kind.FAILURE,
                  List.of("failed", "undelivered"),
                  Kind.UNMAPPED,
                  List.of("warning", "reacted", "seen", "canceled")),
          "viber",
              Map.of(
                  Kind.DELIVERY,
                  List.of("delivered", "seen"),
                  Kind.PROGRESS,
                  List.of(),
                  Kind.FAILURE,
                  List.of("failed", "expired", "undelivered"),
                  Kind.UNMAPPED,
                  List.of("sent", "reacted", "read", "deleted")));

  /**
   * An error each provider really sends with a failure: Twilio's ErrorCode, Meta's code, Viber's
   * {@code desc}.
   */
  private static final Map<String, String> ERROR =
      Map.of(
          "twilio",
          "30003",
          "whatsapp",
          "131026",
          "viber",
          "Message rejected by the receiving client");

  private ProviderWords() {}

  /**
   * The {@code index}-th word (modulo) of a kind; Viber has no progress word, so it reports a
   * delivery instead.
   */
  public static String word(String provider, Kind kind, int index) {
    List<String> words = BY_KIND.get(provider).get(kind);
    if (words.isEmpty()) {
      words = BY_KIND.get(provider).get(Kind.DELIVERY);
    }
    return words.get(Math.floorMod(index, words.size()));
  }

  /** The public status a word maps to on this provider's channel, or null when it is unmapped. */
  public static String mapped(String provider, String word) {
    return StatusModel.mappedStatus(provider, word);
  }

  /** An SMS {@code read} or a Viber {@code seen}: proof of delivery, never READ (I5). */
  public static boolean channelProof(String provider, String word) {
    return ("twilio".equals(provider) && "read".equals(word))
        || ("viber".equals(provider) && "seen".equals(word));
  }

  public static boolean failure(String provider, String word) {
    return "FAILED".equals(mapped(provider, word));
  }

  /**
   * A word the real provider never sends without its error: Viber's {@code failed} always has a
   * {@code desc}.
   */
  public static boolean errorRequired(String provider, String word) {
    return "viber".equals(provider) && "failed".equals(word);
  }

  public static String errorOf(String provider) {
    return ERROR.get(provider);
  }
}
