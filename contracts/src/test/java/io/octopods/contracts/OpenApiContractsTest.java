package io.octopods.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The OpenAPI contracts hold together: every $ref resolves, every operation names its interface.
 */
class OpenApiContractsTest {
  private static final ClassLoader LOADER = OpenApiContractsTest.class.getClassLoader();
  private static final Set<String> PROVIDERS =
      Set.of("service", "twilio", "whatsapp", "viber", "hubspot", "intercom", "reach");
  private static final Set<String> DIRECTIONS = Set.of("inbound", "outbound", "callback", "push");

  static Stream<String> openApiFiles() {
    return Stream.concat(
        Stream.of(Interfaces.SERVICE), Interfaces.PROVIDERS.stream().map(Interfaces::providerFile));
  }

  @TestFactory
  Stream<DynamicTest> everyRefResolvesToAFileThatExists() {
    return openApiFiles()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      OpenApiDocument document = OpenApiDocument.load(LOADER, file);
                      List<String> refs = new ArrayList<>();
                      collectRefs(document.root(), refs);
                      assertThat(refs).as("$refs in " + file).isNotEmpty();
                      for (String ref : refs) {
                        if (ref.startsWith("#")) {
                          assertThat(document.root().at(ref.substring(1)).isMissingNode())
                              .as(file + ": $ref " + ref)
                              .isFalse();
                        } else {
                          String target = document.resolveFile(ref);
                          assertThat(LOADER.getResource(ContractFiles.ROOT + target))
                              .as(
                                  file
                                      + ": $ref "
                                      + ref
                                      + " -> contracts/"
                                      + target
                                      + " must exist")
                              .isNotNull();
                          assertThat(Contracts.shipped().files())
                              .as(file + ": $ref " + ref + " must be a contract (*.schema.json)")
                              .contains(target);
                        }
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyOperationNamesItsInterfaceAndChecksItsJsonBodies() {
    return openApiFiles()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    file,
                    () -> {
                      OpenApiDocument document = OpenApiDocument.load(LOADER, file);
                      assertThat(document.root().path("openapi").asText())
                          .as(file)
                          .startsWith("3.1");
                      assertThat(document.operations()).as(file).isNotEmpty();
                      for (Operation op : document.operations()) {
                        assertThat(op.info().name())
                            .as(op.describe())
                            .matches("[a-z0-9]+(-[a-z0-9]+)*");
                        assertThat(PROVIDERS)
                            .as(op.describe() + " provider")
                            .contains(op.info().provider());
                        assertThat(DIRECTIONS)
                            .as(op.describe() + " direction")
                            .contains(op.info().direction());
                        assertThat(op.responses()).as(op.describe() + " responses").isNotEmpty();
                        op.request()
                            .forEach(
                                (media, body) ->
                                    assertJsonIsChecked(op, "request " + media, media, body));
                        op.responses()
                            .forEach(
                                (status, response) ->
                                    response
                                        .content()
                                        .forEach(
                                            (media, body) ->
                                                assertJsonIsChecked(
                                                    op,
                                                    "response " + status + " " + media,
                                                    media,
                                                    body)));
                      }
                    }));
  }

  @Test
  void theServiceAnswersProblemsAsProblemJson() {
    OpenApiDocument service = OpenApiDocument.load(LOADER, Interfaces.SERVICE);
    for (Operation op : service.operations()) {
      op.responses()
          .forEach(
              (status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                  assertThat(response.content())
                      .as(op.describe() + " " + status)
                      .containsOnlyKeys("application/problem+json");
                }
              });
    }
  }

  @Test
  void theNewContractsAreShippedAndSelfChecked() {
    assertThat(Contracts.shipped().files())
        .contains(
            "service/message.schema.json",
            "service/problem.schema.json",
            "service/history.schema.json",
            "service/hubspot-event.schema.json",
            "harness/contract-report.schema.json");
  }

  private static void assertJsonIsChecked(
      Operation op, String what, String media, Operation.BodyContract body) {
    if (MediaTypes.isJson(media) || MediaTypes.isForm(media)) {
      assertThat(body.checked())
          .as(op.describe() + " " + what + " must $ref a schema file")
          .isTrue();
      body.schemaFiles().forEach(f -> Contracts.shipped().check(f, "{}"));
    }
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (field.getKey().equals("$ref") && field.getValue().isTextual()) {
          refs.add(field.getValue().asText());
        } else {
          collectRefs(field.getValue(), refs);
        }
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
