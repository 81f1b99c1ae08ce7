package io.octopods.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every contract is a valid draft 2020-12 schema, and every example passes or fails as its name
 * says.
 */
class ContractsSelfCheckTest {

  private static final String INVALID = ".invalid.json";
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Contracts CONTRACTS = Contracts.shipped();
  private static final List<String> EXAMPLES =
      ContractFiles.list(loader(), ".json").stream()
          .filter(name -> name.contains("/examples/"))
          .collect(Collectors.toUnmodifiableList());

  @TestFactory
  Stream<DynamicTest> everyContractIsAValidDraft202012SchemaAndLoads() {
    Schema metaSchema = new ContractSchemas().metaSchema();
    return CONTRACTS.files().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      String text = read(file);
                      JsonNode schema = JSON.readTree(text);
                      assertEquals(
                          DRAFT_2020_12,
                          schema.path("$schema").asText(),
                          file + " must declare \"$schema\": \"" + DRAFT_2020_12 + "\"");
                      assertEquals(
                          List.of(),
                          metaSchema.validate(text, InputFormat.JSON),
                          file + " is not a valid 2020-12 schema");
                      assertFalse(
                          schema.path("description").asText().isBlank(),
                          file + " needs a description: what it is, where the facts come from");
                      CONTRACTS.check(file, "{}");
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExamplePassesOrFailsAsItsNameSays() {
    return EXAMPLES.stream()
        .map(
            example ->
                DynamicTest.dynamicTest(
                    example,
                    () -> {
                      List<ContractBreach> breaches =
                          CONTRACTS.check(contractOf(example), read(example));
                      if (example.endsWith(INVALID)) {
                        assertFalse(
                            breaches.isEmpty(),
                            example + " is marked invalid but passes " + contractOf(example));
                      } else {
                        assertEquals(
                            List.of(), breaches, example + " must pass " + contractOf(example));
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyContractHasAValidAndAnInvalidExample() {
    return CONTRACTS.files().stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      Set<String> examples =
                          EXAMPLES.stream()
                              .filter(example -> contractOf(example).equals(file))
                              .collect(Collectors.toCollection(TreeSet::new));
                      assertTrue(
                          examples.stream().anyMatch(example -> !example.endsWith(INVALID)),
                          file
                              + " needs a valid example in examples/ named after it, e.g. <name>.json");
                      assertTrue(
                          examples.stream().anyMatch(example -> example.endsWith(INVALID)),
                          file
                              + " needs an invalid example in examples/ named after it, e.g. <name>.invalid.json");
                    }));
  }

  @Test
  void everyExampleBelongsToAContract() {
    EXAMPLES.forEach(
        example ->
            assertTrue(
                CONTRACTS.files().contains(contractOf(example)),
                example
                    + " has no contract "
                    + contractOf(example)
                    + " (examples are named <contract name>[.<n>][.invalid].json)"));
  }

  @Test
  void checkFormReadsAFormBodyAsAnObjectOfStrings() {
    String sid = "SM0123456789abcdef0123456789abcdef";
    String callback =
        "MessageSid="
            + sid
            + "&SmsSid="
            + sid
            + "&AccountSid=AC0123456789abcdef0123456789abcdef"
            + "&From=%2B14155552345&To=%2B14155550100&MessageStatus=undelivered&SmsStatus=undelivered"
            + "&ErrorCode=30003&RawDlrDoneDate=2311261005&ApiVersion=2010-04-01";
    assertEquals(List.of(), CONTRACTS.checkForm("providers/twilio/callback.schema.json", callback));

    List<ContractBreach> breaches =
        CONTRACTS.checkForm(
            "providers/twilio/callback.schema.json",
            callback.replace("RawDlrDoneDate=2311261005", "RawDlrDoneDate=23112610"));
    assertEquals(1, breaches.size(), breaches::toString);
    assertEquals("/RawDlrDoneDate", breaches.get(0).pointer());

    List<ContractBreach> lastWins =
        CONTRACTS.checkForm(
            "providers/twilio/callback.schema.json",
            callback + "&RawDlrDoneDate=bad&RawDlrDoneDate=2311261006");
    assertEquals(List.of(), lastWins);
  }

  @Test
  void aBreachNamesTheContractFileAndThePointer() {
    String file = "providers/viber/callback.schema.json";
    List<ContractBreach> breaches =
        CONTRACTS.check(
            file,
            "{\"event\":\"delivered\",\"timestamp\":1457764197627,\"message_token\":\"4912661846655238145\",\"user_id\":\"01234567890A=\"}");
    assertEquals(1, breaches.size(), breaches::toString);
    ContractBreach breach = breaches.get(0);
    assertEquals(file, breach.contractFile());
    assertEquals("/message_token", breach.pointer());
    assertTrue(breach.toString().startsWith(file + " at /message_token: "), breach::toString);
  }

  @Test
  void malformedJsonIsOneBreachAtTheRoot() {
    List<ContractBreach> breaches =
        CONTRACTS.check("providers/viber/callback.schema.json", "{\"event\":");
    assertEquals(1, breaches.size(), breaches::toString);
    assertEquals("", breaches.get(0).pointer());
  }

  @Test
  void anUnknownContractFileIsNamedInTheException() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CONTRACTS.check("providers/nobody/nothing.schema.json", "{}"));
    assertTrue(e.getMessage().contains("providers/nobody/nothing.schema.json"), e::getMessage);
  }

  @Test
  void a64BitViberTokenAboveTwoToThe53IsAnInteger() {
    assertEquals(
        List.of(),
        CONTRACTS.check(
            "providers/viber/send-message-answer.schema.json",
            "{\"status\":0,\"status_message\":\"ok\",\"message_token\":9223372036854775807,\"chat_hostname\":\"SN-CHAT-05_\",\"billing_status\":1}"));
  }

  /**
   * {@code providers/twilio/examples/message.2.invalid.json} belongs to {@code
   * providers/twilio/message.schema.json}.
   */
  static String contractOf(String example) {
    String folder = example.substring(0, example.indexOf("/examples/"));
    String name = example.substring(example.lastIndexOf('/') + 1);
    return folder + "/" + name.substring(0, name.indexOf('.')) + ContractFiles.SUFFIX;
  }

  private static String read(String file) {
    try (InputStream in = loader().getResourceAsStream(ContractFiles.ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("not on the classpath: " + ContractFiles.ROOT + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader loader() {
    return ContractsSelfCheckTest.class.getClassLoader();
  }
}
