package io.octopods.contracts;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAPI path template such as {@code /api/v1/{channel}/messages/{message_id}} or {@code
 * /2010-04-01/Accounts/{AccountSid}/Messages/{Sid}.json}: each {@code {name}} stands for one or
 * more characters other than {@code /}; everything else is literal.
 */
final class PathTemplate {
  private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");

  private final String template;
  private final Pattern pattern;
  private final int literalLength;

  PathTemplate(String template) {
    this.template = template;
    StringBuilder regex = new StringBuilder();
    int literal = 0;
    int at = 0;
    Matcher m = PARAMETER.matcher(template);
    while (m.find()) {
      regex.append(Pattern.quote(template.substring(at, m.start()))).append("[^/]+");
      literal += m.start() - at;
      at = m.end();
    }
    regex.append(Pattern.quote(template.substring(at)));
    this.pattern = Pattern.compile(regex.toString());
    this.literalLength = literal + template.length() - at;
  }

  /** Whether a path (without query) fits the template. */
  boolean matches(String path) {
    return pattern.matcher(path).matches();
  }

  /**
   * How many literal characters the template has: of two templates that fit a path, the longer is
   * more specific.
   */
  int literalLength() {
    return literalLength;
  }

  @Override
  public String toString() {
    return template;
  }
}
