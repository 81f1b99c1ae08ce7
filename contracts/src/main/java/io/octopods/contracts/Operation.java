package io.octopods.contracts;

import java.util.List;
import java.util.Map;

/**
 * One operation of an OpenAPI contract, reduced to what an exchange is checked against.
 *
 * @param method upper case, e.g. {@code POST}
 * @param path the path template
 * @param info the interface the operation belongs to
 * @param requestRequired whether the operation needs a request body
 * @param request body contract by media type (lower case, without parameters); empty: no request
 *     body
 * @param responses by status key ({@code 200}, {@code 4XX}, {@code default}), in the order written
 */
record Operation(
    String method,
    PathTemplate path,
    InterfaceInfo info,
    boolean requestRequired,
    Map<String, BodyContract> request,
    Map<String, Response> responses) {

  /**
   * A declared answer: its body contract by media type; an empty map means the answer has no body.
   */
  record Response(String statusKey, Map<String, BodyContract> content) {}

  /**
   * The contract of one body: the schema files (relative to {@code contracts/}) it may follow; one
   * file, or several alternatives ({@code oneOf}/{@code anyOf}) of which one must pass. No file:
   * the body is not checked (an inline schema, e.g. plain text).
   */
  record BodyContract(List<String> schemaFiles) {
    boolean checked() {
      return !schemaFiles.isEmpty();
    }
  }

  /**
   * The declared answer for a status: exact, else its class ({@code 4XX}), else {@code default};
   * null if none.
   */
  Response responseFor(int status) {
    Response exact = responses.get(Integer.toString(status));
    if (exact != null) {
      return exact;
    }
    Response range = responses.get((status / 100) + "XX");
    return range != null ? range : responses.get("default");
  }

  String describe() {
    return method + " " + path;
  }
}
