package io.octopods.simulator.capture;

import static io.octopods.simulator.capture.Treatment.EMPTY;
import static io.octopods.simulator.capture.Treatment.ID;
import static io.octopods.simulator.capture.Treatment.PHONE;
import static io.octopods.simulator.capture.Treatment.TEXT;
import static io.octopods.simulator.capture.Treatment.ZERO;

import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.viber.ViberSimulator;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Viber's events (receipts, subscriptions, inbound messages): user ids ({@code user_id}, {@code
 * user.id}, {@code sender.id}, {@code receiver}) pseudonymised, or replaced as phone numbers when
 * they are numbers; a shared contact's {@code phone_number} replaced; names, avatars, profile
 * fields, message texts and media emptied; coordinates zeroed; re-signed with the simulator's auth
 * token, in the header and in {@code sig}, where each was.
 */
final class ViberScrub implements ProviderScrub {
  static final FieldRules RULES =
      (parent, field) ->
          switch (field) {
            case "user_id", "receiver" -> ID;
            case "id" -> "user".equals(parent) || "sender".equals(parent) ? ID : TEXT;
            case "phone_number" -> PHONE;
            case "name",
                "avatar",
                "country",
                "language",
                "primary_device_os",
                "device_type",
                "text",
                "media",
                "thumbnail",
                "file_name" ->
                EMPTY;
            case "lat", "lon" -> ZERO;
            default -> TEXT;
          };

  @Override
  public Capture.Callback scrub(Capture.Callback c, Pseudonyms p) {
    String body = JsonScrub.body(c.body(), RULES, p);
    String signature =
        ViberSignature.of(ViberSimulator.AUTH_TOKEN, body.getBytes(StandardCharsets.UTF_8));
    Map<String, String> headers =
        SignatureHeaders.replace(
            SignatureHeaders.fitting(c.headers(), body), ViberSignature.HEADER, signature);
    String query =
        Query.parse(c.query())
            .map(
                (name, value) ->
                    ViberSignature.QUERY_PARAMETER.equals(name) ? signature : p.text(value))
            .raw();
    return c.withRequest(p.text(c.path()), query, headers, body);
  }
}
