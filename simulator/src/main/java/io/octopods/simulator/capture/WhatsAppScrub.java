package io.octopods.simulator.capture;

import static io.octopods.simulator.capture.Treatment.EMPTY;
import static io.octopods.simulator.capture.Treatment.ID;
import static io.octopods.simulator.capture.Treatment.PHONE;
import static io.octopods.simulator.capture.Treatment.TEXT;
import static io.octopods.simulator.capture.Treatment.ZERO;

import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Meta's notifications (statuses, inbound messages, contacts): numbers ({@code recipient_id},
 * {@code wa_id}, {@code from}, {@code display_phone_number}, shared contacts' {@code phone}) and
 * the number inside every wamid replaced; business-scoped user ids pseudonymised; message texts,
 * captions, names, addresses and file names emptied; coordinates zeroed; re-signed with the
 * simulator's app secret.
 */
final class WhatsAppScrub implements ProviderScrub {
  static final FieldRules RULES =
      (parent, field) ->
          switch (field) {
            case "recipient_id",
                "recipient_participant_id",
                "wa_id",
                "new_wa_id",
                "from",
                "to",
                "phone",
                "display_phone_number" ->
                PHONE;
            case "recipient_user_id", "user_id", "parent_user_id", "username" -> ID;
            case "body",
                "text",
                "caption",
                "name",
                "formatted_name",
                "first_name",
                "last_name",
                "middle_name",
                "name_prefix",
                "name_suffix",
                "address",
                "street",
                "city",
                "zip",
                "birthday",
                "company",
                "department",
                "filename" ->
                EMPTY;
            case "latitude", "longitude" -> ZERO;
            default -> TEXT;
          };

  @Override
  public Capture.Callback scrub(Capture.Callback c, Pseudonyms p) {
    String body = JsonScrub.body(c.body(), RULES, p);
    Map<String, String> headers =
        SignatureHeaders.replace(
            SignatureHeaders.fitting(c.headers(), body),
            WhatsAppSignature.HEADER,
            WhatsAppSignature.of(
                WhatsAppSimulator.APP_SECRET, body.getBytes(StandardCharsets.UTF_8)));
    String query = Query.parse(c.query()).map((name, value) -> p.text(value)).raw();
    return c.withRequest(p.text(c.path()), query, headers, body);
  }
}
