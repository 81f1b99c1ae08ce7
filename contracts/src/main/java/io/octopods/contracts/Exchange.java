package io.octopods.contracts;

/**
 * One HTTP exchange as seen on the wire; any part may be null when unknown (e.g. a callback journal
 * has no answer body).
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param path the path without scheme and host, may carry {@code ?query}; a full URL is accepted
 *     too
 * @param requestContentType the request's {@code Content-Type} (parameters such as {@code charset}
 *     are ignored)
 * @param requestBody the request body as text
 * @param status the answer's HTTP status; {@code 0} = unknown (the answer is then not checked)
 * @param responseContentType the answer's {@code Content-Type}
 * @param responseBody the answer body as text
 */
public record Exchange(
    String method,
    String path,
    String requestContentType,
    String requestBody,
    int status,
    String responseContentType,
    String responseBody) {

  /** The path without the query string (and without scheme and host when a full URL was given). */
  public String pathOnly() {
    String p = path == null ? "" : path;
    int scheme = p.indexOf("://");
    if (scheme >= 0) {
      int slash = p.indexOf('/', scheme + 3);
      p = slash < 0 ? "/" : p.substring(slash);
    }
    int cut = indexOfAny(p, '?', '#');
    return cut < 0 ? p : p.substring(0, cut);
  }

  /** {@code METHOD /path} (without the query), as breaches name it. */
  public String describe() {
    return (method == null ? "?" : method.toUpperCase(java.util.Locale.ROOT)) + " " + pathOnly();
  }

  private static int indexOfAny(String text, char a, char b) {
    int i = text.indexOf(a);
    int j = text.indexOf(b);
    return i < 0 ? j : (j < 0 ? i : Math.min(i, j));
  }
}
