package io.octopods.service.adapters.webhooks.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.webhooks.MalformedEnvelope;
import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Meta's notifications as documented (providers.md 2.4; contracts/providers/whatsapp/examples). */
class WhatsAppWebhookParsingTest {
  private static final String VALUE_HEAD =
      "{\"messaging_product\":\"whatsapp\",\"metadata\":"
          + "{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},";

  static String notification(String value) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{"
        + "\"field\":\"messages\",\"value\":"
        + VALUE_HEAD
        + value
        + "}}]}]}";
  }

  static final String SENT_ITEM =
      "{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\","
          + "\"status\":\"sent\",\"timestamp\":\"1750030073\",\"recipient_id\":\"16505551234\",\n"
          + "    \"conversation\":{\"id\":\"72b14d6bd5407799e66f64d1b338e567\",\"expiration_timestamp\":\"1750116480\","
          + "\"origin\":{\"type\":\"marketing\"}},\n"
          + "    \"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\",\"type\":\"regular\",\"category\":\"marketing\"}}";

  static final String FAILED_ITEM =
      "{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA\","
          + "\"status\":\"failed\",\"timestamp\":\"1751142888\",\"recipient_id\":\"16505551234\",\n"
          + " \"errors\":[{\"code\":131049,\"title\":\"This message was not delivered to maintain healthy ecosystem "
          + "engagement.\",\n  \"message\":\"This message was not delivered to maintain healthy ecosystem engagement.\",\n"
          + "  \"error_data\":{\"details\":\"…\"},\n"
          + "  \"href\":\"https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/\"}]}";

  /**
   * contracts/providers/whatsapp/examples/webhook.4.json: two entries, three changes, four
   * statuses.
   */
  static final String BATCH =
      "{\"object\":\"whatsapp_business_account\",\"entry\":[\n"
          + " {\"id\":\"102290129340398\",\"changes\":[\n"
          + "  {\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
          + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\n"
          + "   \"statuses\":[\n"
          + "    {\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA\",\"status\":\"read\",\"timestamp\":"
          + "\"1750030080\",\"recipient_id\":\"16505551234\",\"biz_opaque_callback_data\":\"octopods:msg-42\"},\n"
          + "    {\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0QUQ2MjA4NEYyRkExNjMyREUA\",\"status\":\"delivered\","
          + "\"timestamp\":\"1750030080\",\"recipient_id\":\"16505551235\"}]}},\n"
          + "  {\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
          + "\"15550783882\",\"phone_number_id\":\"106540352242923\"},\n"
          + "   \"statuses\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGRkYwMDAwMDAwMDAwMDAA\",\"status\":\"played\","
          + "\"timestamp\":\"1750030081\",\"recipient_user_id\":\"US.13491208655302741918\"}]}}]},\n"
          + " {\"id\":\"102290129340399\",\"changes\":[\n"
          + "  {\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
          + "\"15550783883\",\"phone_number_id\":\"106540352242924\"},\n"
          + "   \"statuses\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJBQUFBQUFBQUFBQUFBQUEA\",\"status\":\"failed\","
          + "\"timestamp\":\"1750030082\",\"recipient_id\":\"16505551236\",\"errors\":[]}]}}]}]}";

  static final String INBOUND =
      notification(
          "\"contacts\":[{\"profile\":{\"name\":\"Ada\"},\"wa_id\":\"16505551234\"}],"
              + "\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\","
              + "\"timestamp\":\"1750030090\",\"type\":\"text\",\"text\":{\"body\":\"STOP\"}}]");

  private static List<IncomingReport> read(String body) {
    return WhatsAppNotification.read(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDocumentedSentStatus() {
    List<IncomingReport> reports = read(notification("\"statuses\":[" + SENT_ITEM + "]"));

    assertThat(reports).hasSize(1);
    IncomingReport r = reports.get(0);
    assertThat(r.channel()).isEqualTo(Channel.WHATSAPP);
    assertThat(r.providerMessageId())
        .contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJCOTY3NDc0NDFDRUI3NTA0Q0UA");
    assertThat(r.providerWord()).isEqualTo("sent");
    assertThat(r.providerTimestamp())
        .as("string Unix seconds (K2)")
        .contains(Instant.ofEpochSecond(1750030073L));
    assertThat(r.ourMessageId()).isEmpty();
    assertThat(r.errorCode()).isEmpty();
    assertThat(r.errorTitle()).isEmpty();
    assertThat(r.rawPayload()).as("the status item exactly as it came").isEqualTo(SENT_ITEM);
  }

  @Test
  void theDocumentedFailedStatusWithErrors() {
    IncomingReport r = read(notification("\"statuses\":[" + FAILED_ITEM + "]")).get(0);

    assertThat(r.providerWord()).isEqualTo("failed");
    assertThat(r.providerTimestamp()).contains(Instant.ofEpochSecond(1751142888L));
    assertThat(r.errorCode()).contains("131049");
    assertThat(r.errorTitle())
        .contains("This message was not delivered to maintain healthy ecosystem engagement.");
    assertThat(r.rawPayload()).isEqualTo(FAILED_ITEM);
  }

  @Test
  void everyStatusOfEveryChangeOfEveryEntryIsOneReportInOrder() {
    List<IncomingReport> reports = read(BATCH);

    assertThat(reports)
        .extracting(IncomingReport::providerWord)
        .containsExactly("read", "delivered", "played", "failed");
    assertThat(reports.get(0).ourMessageId())
        .as("biz_opaque_callback_data is our id")
        .contains("octopods:msg-42");
    assertThat(reports.get(1).ourMessageId()).isEmpty();
    assertThat(reports.get(2).providerMessageId())
        .contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGRkYwMDAwMDAwMDAwMDAA");
    assertThat(reports.get(3).errorCode()).as("an empty errors list gives no code (F6)").isEmpty();
    assertThat(reports.get(3).errorTitle()).isEmpty();
    for (IncomingReport r : reports) {
      assertThat(
              JsonBodies.parse(r.rawPayload().getBytes(StandardCharsets.UTF_8)).get("id").asText())
          .isEqualTo(r.providerMessageId().get());
    }
  }

  @Test
  void aBatchOfTwoEntriesAndAnInboundMessageGivesTheStatusesOnly() {
    String body =
        "{\"object\":\"whatsapp_business_account\",\"entry\":["
            + "{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":"
            + VALUE_HEAD
            + "\"statuses\":["
            + SENT_ITEM
            + "],\"messages\":[{\"from\":\"16505551234\",\"id\":\"wamid.IN\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]},"
            + "{\"id\":\"2\",\"changes\":[{\"field\":\"messages\",\"value\":"
            + VALUE_HEAD
            + "\"statuses\":["
            + FAILED_ITEM
            + "]}}]}]}";

    assertThat(read(body))
        .extracting(IncomingReport::providerWord)
        .containsExactly("sent", "failed");
  }

  @Test
  void anInboundMessageOrErrorsWithoutStatusesGiveNoReport() {
    assertThat(read(INBOUND)).as("L2").isEmpty();
    assertThat(read(notification("\"errors\":[{\"code\":130429,\"title\":\"Rate limit hit\"}]")))
        .isEmpty();
    assertThat(read("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")).isEmpty();
  }

  @Test
  void badItemsAreStillReportsWithWhatCanBeRead() {
    List<IncomingReport> reports =
        read(
            notification(
                "\"statuses\":["
                    + "{\"status\":\"delivered\",\"timestamp\":\"1750030073\"},"
                    + "{\"id\":null,\"status\":\"delivered\"},"
                    + "{\"id\":\"wamid.FOREIGN\",\"status\":\"future_status\",\"timestamp\":\"not-a-timestamp\"},"
                    + "{\"id\":\"wamid.X\",\"status\":\"sent\",\"timestamp\":\"99999999999999999999\"},"
                    + "{\"id\":\"wamid.Y\",\"timestamp\":-5,\"errors\":{\"code\":\"131026\",\"message\":\"Message Undeliverable\"}},"
                    + "\"not an object\",42]"));

    assertThat(reports).hasSize(7);
    assertThat(reports.get(0).providerMessageId()).isEmpty();
    assertThat(reports.get(0).providerTimestamp()).contains(Instant.ofEpochSecond(1750030073L));
    assertThat(reports.get(1).providerMessageId()).isEmpty();
    assertThat(reports.get(2).providerWord()).isEqualTo("future_status");
    assertThat(reports.get(2).providerTimestamp()).isEmpty();
    assertThat(reports.get(3).providerTimestamp()).as("past the year 9999").isEmpty();
    assertThat(reports.get(4).providerWord()).as("no status word").isEmpty();
    assertThat(reports.get(4).providerTimestamp()).isEmpty();
    assertThat(reports.get(4).errorCode()).contains("131026");
    assertThat(reports.get(4).errorTitle())
        .as("message when there is no title")
        .contains("Message Undeliverable");
    assertThat(reports.get(5).rawPayload()).isEqualTo("\"not an object\"");
    assertThat(reports.get(6).rawPayload()).isEqualTo("42");
  }

  @Test
  void missingAndExtraNestedFieldsDoNotMatter() {
    String item =
        "{\"id\":\"wamid.Z\",\"status\":\"delivered\",\"timestamp\":1750030073,"
            + "\"new_thing\":{\"deep\":[1,2,{\"x\":null}]},\"recipient_type\":\"group\"}";
    IncomingReport r =
        read("{\"entry\":[{\"changes\":[{\"value\":{\"statuses\":["
                + item
                + "]}}]}],\"extra\":[1]}")
            .get(0);

    assertThat(r.providerWord()).isEqualTo("delivered");
    assertThat(r.providerTimestamp())
        .as("a number is read too")
        .contains(Instant.ofEpochSecond(1750030073L));
    assertThat(r.rawPayload()).isEqualTo(item);
  }

  @Test
  void escapedUnicodeIsKeptAsItCameInTheRawPayload() {
    String item =
        "{\"id\":\"wamid.U\",\"status\":\"failed\",\"timestamp\":\"1750030073\",\"errors\":[{\"code\":131026,"
            + "\"title\":\"Message Undeliverable \\u2013 caf\\u00e9 \\/ \\ud83d\\ude00\"}]}";
    IncomingReport r = read(notification("\"statuses\":[" + item + "]")).get(0);

    assertThat(r.rawPayload()).isEqualTo(item);
    assertThat(r.errorTitle()).contains("Message Undeliverable – café / 😀");
  }

  @Test
  void rawPayloadsAreSlicedByBytesNotCharacters() {
    String first = "{\"id\":\"wamid.A\",\"status\":\"read\",\"note\":\"déjà vu 😀\"}";
    String second = "{\"id\":\"wamid.B\",\"status\":\"sent\"}";
    List<IncomingReport> reports =
        read(notification("\"statuses\":[" + first + ",  " + second + "]"));

    assertThat(reports).extracting(IncomingReport::rawPayload).containsExactly(first, second);
  }

  @Test
  void anEnvelopeThatCannotBeReadIsMalformed() {
    assertThatThrownBy(() -> read("{\"object\":\"whatsapp_business_account\",\"entry\":["))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> read(""))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> read("[]"))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("array");
    assertThatThrownBy(
            () ->
                read("{\"object\":\"whatsapp_business_account\",\"statuses\":[" + SENT_ITEM + "]}"))
        .as("contracts webhook.3.invalid.json")
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("entry");
    assertThatThrownBy(() -> read("{\"entry\":{}}"))
        .isInstanceOf(MalformedEnvelope.class)
        .hasMessageContaining("'entry' is a JSON object");
  }
}
