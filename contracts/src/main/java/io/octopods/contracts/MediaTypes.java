package io.octopods.contracts;

import java.util.Locale;
import java.util.Set;

/** Media types as contracts compare them: lower case, without parameters. */
final class MediaTypes {
  static final String FORM = "application/x-www-form-urlencoded";

  private MediaTypes() {}

  /**
   * {@code application/json} for {@code Application/JSON; charset=utf-8}; null for null or blank.
   */
  static String normalize(String contentType) {
    if (contentType == null) {
      return null;
    }
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.isEmpty() ? null : media;
  }

  static boolean isJson(String media) {
    return media != null
        && (media.equals("application/json")
            || (media.startsWith("application/") && media.endsWith("+json")));
  }

  static boolean isForm(String media) {
    return FORM.equals(media);
  }

  /**
   * The declared media type an exchange's body is read as: its own when given, else (unknown
   * content type) the only one declared, or the one that fits how the body looks (JSON starts with
   * a brace or bracket, else a form). Null when it was given and is not declared.
   */
  static String pick(String given, Set<String> declared, String body) {
    String media = normalize(given);
    if (media != null) {
      return declared.contains(media) ? media : null;
    }
    if (declared.size() == 1) {
      return declared.iterator().next();
    }
    String text = body == null ? "" : body.stripLeading();
    boolean looksJson = text.startsWith("{") || text.startsWith("[");
    return declared.stream()
        .filter(d -> looksJson ? isJson(d) : isForm(d))
        .findFirst()
        .orElse(declared.iterator().next());
  }
}
