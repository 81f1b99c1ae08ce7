package io.octopods.contracts;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract of docs/status-model.md as data and rules, written independently of the service's
 * engine: the statuses, ranks and apply rules of section 2 (with the reason of a report not
 * applied), the surface labels and Inbox icons of section 5, and which provider serves which
 * channel. The harness (features) and the service's end-to-end suites judge the service with these,
 * never with the service's own code.
 */
public final class StatusModel {
  public static final List<String> PUBLIC =
      List.of("UNKNOWN", "SENT", "DELIVERED", "READ", "FAILED", "DELETED");
  public static final Set<String> TERMINAL = Set.of("DELIVERED", "READ", "FAILED", "DELETED");
  public static final Set<String> DELIVERED_FAMILY = Set.of("DELIVERED", "READ", "DELETED");
  public static final Set<String> NOT_APPLIED_REASONS =
      Set.of("unmapped", "conflict", "channel", "duplicate", "stale");
  public static final Map<String, String> INBOX =
      Map.of(
          "UNKNOWN",
          "Send Attempted",
          "SENT",
          "Sent",
          "DELIVERED",
          "Delivered",
          "READ",
          "Read",
          "FAILED",
          "Delivery Failed",
          "DELETED",
          "Deleted");
  public static final Map<String, String> REACH =
      Map.of(
          "UNKNOWN",
          "Queued",
          "SENT",
          "Sent",
          "DELIVERED",
          "Delivered",
          "READ",
          "Read",
          "FAILED",
          "Failed",
          "DELETED",
          "Deleted");

  /** Section 5: the name of the Inbox icon of each status, as Intercom's JSON read gives it. */
  public static final Map<String, String> INBOX_ICON =
      Map.of(
          "UNKNOWN",
          "clock",
          "SENT",
          "check",
          "DELIVERED",
          "check-double",
          "READ",
          "eye",
          "FAILED",
          "x-circle",
          "DELETED",
          "trash");

  /**
   * Section 5: the text that stands for each Inbox icon on a canvas, by the icon's name (no icon
   * text holds a space, so a canvas's {@code <icon text> <label>} splits at its first space).
   */
  public static final Map<String, String> INBOX_ICON_TEXT =
      Map.of(
          "clock",
          "\uD83D\uDD53",
          "check",
          "\u2713",
          "check-double",
          "\u2713\u2713",
          "eye",
          "\uD83D\uDC41",
          "x-circle",
          "\u2297",
          "trash",
          "\uD83D\uDDD1");

  /** Ranks of section 2; FAILED stands apart. QUEUED is internal (shown as UNKNOWN). */
  private static final Map<String, Integer> RANK =
      Map.of("QUEUED", 0, "UNKNOWN", 1, "SENT", 2, "DELIVERED", 3, "READ", 4, "DELETED", 5);

  /** Section 4, one entry per provider word that maps; every other word is unmapped. */
  private static final Map<String, Map<String, String>> PROVIDER_WORDS =
      Map.of(
          "twilio",
          Map.ofEntries(
              Map.entry("accepted", "SENT"),
              Map.entry("scheduled", "SENT"),
              Map.entry("queued", "SENT"),
              Map.entry("sending", "SENT"),
              Map.entry("sent", "SENT"),
              Map.entry("delivered", "DELIVERED"),
              Map.entry("read", "DELIVERED"),
              Map.entry("undelivered", "FAILED"),
              Map.entry("failed", "FAILED"),
              Map.entry("canceled", "FAILED")),
          "whatsapp",
          Map.of(
              "sent", "SENT",
              "delivered", "DELIVERED",
              "read", "READ",
              "played", "READ",
              "deleted", "DELETED",
              "undelivered", "FAILED",
              "failed", "FAILED"),
          "viber",
          Map.of(
              "delivered", "DELIVERED",
              "seen", "DELIVERED",
              "undelivered", "FAILED",
              "failed", "FAILED",
              "expired", "FAILED"));

  private StatusModel() {}

  /** The rank of a status; FAILED and unknown words have none (-1). */
  public static int rank(String status) {
    return RANK.getOrDefault(status, -1);
  }

  public static String publicOf(String internal) {
    return "QUEUED".equals(internal) ? "UNKNOWN" : internal;
  }

  /**
   * Section 2: would a report mapping to {@code mapped} be applied on {@code current} (internal
   * status)?
   */
  public static boolean applies(String mapped, String current) {
    if (DELIVERED_FAMILY.contains(mapped)) {
      return !"FAILED".equals(current) && rank(mapped) > rank(current);
    }
    return switch (mapped) {
      case "FAILED" -> Set.of("QUEUED", "UNKNOWN", "SENT").contains(current);
      case "SENT" -> Set.of("QUEUED", "UNKNOWN").contains(current);
      case "UNKNOWN" -> "QUEUED".equals(current);
      default -> false;
    };
  }

  /** Section 2: the reason of a report that is not applied, the first that fits. */
  public static String reason(String channel, String providerWord, String mapped, String current) {
    if (mapped == null) {
      return "unmapped";
    }
    if ((DELIVERED_FAMILY.contains(mapped) && "FAILED".equals(current))
        || ("FAILED".equals(mapped) && DELIVERED_FAMILY.contains(current))) {
      return "conflict";
    }
    if (("sms".equals(channel) && "read".equals(providerWord))
        || ("viber".equals(channel) && "seen".equals(providerWord))) {
      return "channel";
    }
    if (mapped.equals(publicOf(current))) {
      return "duplicate";
    }
    return "stale";
  }

  /**
   * Is {@code after} allowed to follow {@code before} on a surface (I2, I3, I4)? Equal is allowed.
   */
  public static boolean mayFollow(String before, String after) {
    if (before.equals(after)) {
      return true;
    }
    if ("FAILED".equals(before) || "DELETED".equals(before)) {
      return false;
    }
    if ("FAILED".equals(after)) {
      return !DELIVERED_FAMILY.contains(before);
    }
    return rank(after) > rank(before);
  }

  /** The status a surface label stands for, or null when the label is none of section 5's. */
  public static String statusOfLabel(Map<String, String> labels, String label) {
    return labels.entrySet().stream()
        .filter(e -> e.getValue().equals(label))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(null);
  }

  /**
   * Section 5: the text of the Inbox icon of a public status, as a canvas shows it before the
   * label; null for a word that is no public status.
   */
  public static String inboxIconText(String status) {
    String icon = INBOX_ICON.get(status);
    return icon == null ? null : INBOX_ICON_TEXT.get(icon);
  }

  /** The public API's channel of a provider: {@code sms} for Twilio, else the provider's name. */
  public static String channelOf(String provider) {
    return "twilio".equals(provider) ? "sms" : provider;
  }

  /**
   * The provider of a channel of the public API: Twilio for {@code sms}, else the channel's name.
   */
  public static String providerOf(String channel) {
    return "sms".equals(channel) ? "twilio" : channel;
  }

  /**
   * Section 4: the public status a provider's word maps to ({@code twilio}, {@code whatsapp} or
   * {@code viber}), or null when that provider's word is unmapped (a new word, a word of another
   * provider), so that it can be passed on to {@link #reason}.
   */
  public static String mappedStatus(String provider, String word) {
    return PROVIDER_WORDS.getOrDefault(provider, Map.of()).get(word);
  }

  /** Section 4: the words that map for a provider; empty for a provider the model does not know. */
  public static Set<String> mappedWords(String provider) {
    return PROVIDER_WORDS.getOrDefault(provider, Map.of()).keySet();
  }
}
