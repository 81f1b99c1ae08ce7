package io.octopods.service.adapters.http.api;

import io.javalin.http.Context;
import io.octopods.service.adapters.http.Problem;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who is calling: {@code Authorization: Bearer <api key>}, else {@code 401} with {@code
 * WWW-Authenticate}.
 */
final class BearerAuthentication {
  static final String CHALLENGE = "Bearer realm=\"octopods\"";
  private static final Pattern BEARER = Pattern.compile("(?i)bearer[ \\t]+(\\S+)[ \\t]*");

  private final ApiKeys keys;

  BearerAuthentication(ApiKeys keys) {
    this.keys = keys;
  }

  /** The caller: its key and the key's workspace. */
  record Caller(String key, String workspace) {}

  Caller authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.isBlank()) {
      throw refusal(
          CHALLENGE,
          "the request has no Authorization header: send your API key as "
              + "'Authorization: Bearer <api key>'");
    }
    Matcher m = BEARER.matcher(header.trim());
    if (!m.matches()) {
      String scheme = header.trim().split("\\s+", 2)[0];
      throw refusal(
          CHALLENGE + ", error=\"invalid_request\"",
          "the Authorization header uses '"
              + scheme
              + "', expected 'Bearer <api key>': send your API key as 'Authorization: Bearer <api key>'");
    }
    String key = m.group(1);
    Optional<String> workspace = keys.workspaceOf(key);
    if (workspace.isEmpty()) {
      throw refusal(
          CHALLENGE + ", error=\"invalid_token\"",
          "the API key is not one this service knows: use a key "
              + "from OCTOPODS_API_KEYS, or, when that is unset, the demo key printed at start-up (in <data-dir>/demo.key)");
    }
    return new Caller(key, workspace.get());
  }

  private static ApiRefusal refusal(String challenge, String detail) {
    return new ApiRefusal(Problem.of(401, "Unauthorized", detail))
        .withHeader("WWW-Authenticate", challenge);
  }
}
