package io.octopods.simulator.capture;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.capture.CallbackSamples.Person;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.twilio.FormParams;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.twilio.TwilioSimulator;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.viber.ViberSimulator;
import io.octopods.simulator.whatsapp.WamId;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Scrubbing of generated captures. For each provider, captures of realistic callbacks are generated
 * from random people (a recipient number, North American or not; an e-mail address; a message
 * text), several callbacks per person. After one {@link Scrubber} has scrubbed the whole capture:
 *
 * <ul>
 *   <li>no generated number, e-mail address or text is left anywhere in a line (body, query,
 *       headers; form and query values read decoded);
 *   <li>every number field holds a reserved test number ({@link ReservedNumbers}), the same person
 *       always gets the same one and different people different ones;
 *   <li>every scrubbed wamid, of Meta's shape or the simulator's, still decodes to the scrubbed
 *       recipient number of its status;
 *   <li>every line is signed anew, validly, with the simulator's secret.
 * </ul>
 */
class ScrubbingProperties {

  @Property(tries = 60)
  void whatsAppCapturesKeepNoPersonalDataAndWamidsFollowTheirNumber(
      @ForAll("people") List<Person> people) {
    Scrubber scrubber = Scrubber.of("whatsapp", Optional.empty());
    Map<String, String> standIns = new HashMap<>();
    int n = 0;
    for (int round = 0; round < 2; round++) {
      for (Person p : people) {
        n++;
        Capture.Callback status = scrubber.scrub(CallbackSamples.whatsAppStatus(p, n % 2 == 0, n));
        JsonNode s = Json.parse(status.body()).at("/entry/0/changes/0/value/statuses/0");
        String recipient = s.get("recipient_id").asText();
        assertSameStandIn(standIns, p, recipient);
        assertThat(WamId.recipient(s.get("id").asText())).contains(recipient);
        assertNothingLeft(status, people);
        assertWhatsAppSigned(status);

        Capture.Callback inbound = scrubber.scrub(CallbackSamples.whatsAppInbound(p, n));
        JsonNode v = Json.parse(inbound.body()).at("/entry/0/changes/0/value");
        assertSameStandIn(standIns, p, v.at("/contacts/0/wa_id").asText());
        assertSameStandIn(standIns, p, v.at("/messages/0/from").asText());
        assertThat(WamId.recipient(v.at("/messages/0/id").asText())).contains(recipient);
        assertNothingLeft(inbound, people);
        assertWhatsAppSigned(inbound);
      }
    }
    assertInjective(standIns);
  }

  @Property(tries = 60)
  void twilioCapturesKeepNoPersonalData(@ForAll("people") List<Person> people) {
    Scrubber scrubber = Scrubber.of("twilio", Optional.of(CallbackSamples.PUBLIC_URL));
    Map<String, String> standIns = new HashMap<>();
    for (int round = 0; round < 2; round++) {
      for (Person p : people) {
        Capture.Callback c = scrubber.scrub(CallbackSamples.twilio(p, round == 1));
        Map<String, String> form = FormParams.parse(c.body()).asMap();
        assertSameStandIn(standIns, p, form.get("To").replaceAll("\\D", ""));
        assertSameStandIn(standIns, p, form.get("WaId"));
        assertNothingLeft(c, people);
        assertThat(
                TwilioSignature.valid(
                    TwilioSimulator.AUTH_TOKEN,
                    CallbackSamples.PUBLIC_URL + c.path() + "?" + c.query(),
                    form,
                    c.header(TwilioSignature.HEADER).orElseThrow()))
            .isTrue();
      }
    }
    assertInjective(standIns);
  }

  @Property(tries = 60)
  void viberCapturesKeepNoPersonalData(@ForAll("people") List<Person> people) {
    Scrubber scrubber = Scrubber.of("viber", Optional.empty());
    Map<String, String> standIns = new HashMap<>();
    for (Person p : people) {
      Capture.Callback receipt = scrubber.scrub(CallbackSamples.viberReceipt(p));
      assertSameStandIn(
          standIns, p, Json.parse(receipt.body()).get("user_id").asText().replace("+", ""));
      Capture.Callback message = scrubber.scrub(CallbackSamples.viberMessage(p));
      assertSameStandIn(
          standIns,
          p,
          Json.parse(message.body()).at("/message/contact/phone_number").asText().replace("+", ""));
      for (Capture.Callback c : List.of(receipt, message)) {
        assertNothingLeft(c, people);
        String expected =
            ViberSignature.of(ViberSimulator.AUTH_TOKEN, c.body().getBytes(StandardCharsets.UTF_8));
        assertThat(c.header(ViberSignature.HEADER)).contains(expected);
        assertThat(c.query()).isEqualTo("sig=" + expected);
      }
    }
    assertInjective(standIns);
  }

  /** One to four people; several callbacks are made for each. */
  @Provide
  Arbitrary<List<Person>> people() {
    return person().list().ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<Person> person() {
    Arbitrary<String> texts =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(12)
            .ofMaxLength(20)
            .map(s -> "msg" + s);
    return Combinators.combine(numbers(), emails(), texts).as(Person::new);
  }

  /** North American (never in 555) or other numbers, 11 to 13 digits, none of them reserved. */
  private static Arbitrary<String> numbers() {
    Arbitrary<String> northAmerican =
        Combinators.combine(
                Arbitraries.integers().between(201, 989),
                Arbitraries.integers().between(200, 999).filter(x -> x != 555),
                Arbitraries.integers().between(0, 9999))
            .as((a, b, c) -> String.format("1%03d%03d%04d", a, b, c));
    Arbitrary<String> other =
        Combinators.combine(
                Arbitraries.of("44", "49", "33", "380", "91", "55", "7", "61", "234"),
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(9).ofMaxLength(10))
            .as((cc, rest) -> cc + rest)
            .filter(d -> d.length() >= 11 && d.length() <= 13);
    return Arbitraries.oneOf(northAmerican, other).filter(d -> !ReservedNumbers.isReserved(d));
  }

  private static Arbitrary<String> emails() {
    Arbitrary<String> word =
        Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10);
    return Combinators.combine(word, word, word, Arbitraries.of("com", "io", "net", "de", "co.uk"))
        .as((first, last, domain, tld) -> first + "." + last + "@" + domain + "." + tld)
        .filter(e -> !e.endsWith("@example.com"));
  }

  private static void assertSameStandIn(Map<String, String> standIns, Person p, String standIn) {
    assertThat(ReservedNumbers.isReserved(standIn)).as("%s is a reserved number", standIn).isTrue();
    assertThat(standIns.computeIfAbsent(p.digits(), d -> standIn))
        .as("the stand-in of %s", p.digits())
        .isEqualTo(standIn);
  }

  private static void assertInjective(Map<String, String> standIns) {
    assertThat(new HashSet<>(standIns.values())).hasSameSizeAs(standIns.keySet());
  }

  /** The line, with its body and query also read decoded, holds none of the people's data. */
  private static void assertNothingLeft(Capture.Callback c, List<Person> people) {
    String seen =
        (c.toJson() + "\n" + decoded(c.body()) + "\n" + decoded(c.query()))
            .toLowerCase(Locale.ROOT);
    for (Person p : people) {
      assertThat(Pattern.compile("(?<!\\d)" + p.digits() + "(?!\\d)").matcher(seen).find())
          .as("%s is left in %s", p.digits(), seen)
          .isFalse();
      assertThat(seen).doesNotContain(p.email().toLowerCase(Locale.ROOT), p.text());
    }
  }

  private static void assertWhatsAppSigned(Capture.Callback c) {
    assertThat(c.header(WhatsAppSignature.HEADER))
        .contains(
            WhatsAppSignature.of(
                WhatsAppSimulator.APP_SECRET, c.body().getBytes(StandardCharsets.UTF_8)));
  }

  private static String decoded(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
