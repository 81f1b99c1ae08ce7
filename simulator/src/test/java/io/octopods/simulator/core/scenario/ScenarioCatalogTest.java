package io.octopods.simulator.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioCatalogTest {
  private static Scenario scenario(String id, String provider, String matchTo) {
    return ScenarioReader.read(
        "id: "
            + id
            + "\nprovider: "
            + provider
            + "\ndescription: d\n"
            + (matchTo == null ? "" : "match: {to: '" + matchTo + "'}\n"),
        id);
  }

  private final ScenarioCatalog catalog =
      new ScenarioCatalog(
          List.of(
              scenario("whatsapp-happy-path", "whatsapp", null),
              scenario("lib-match", "whatsapp", "\\+1555.*")),
          List.of(scenario("folder-match", "whatsapp", "\\+15550.*")));

  @Test
  void aBindingWinsOverEverything() {
    catalog.bind("whatsapp", "+15550001111", "lib-match");
    assertThat(catalog.select("whatsapp", "+15550001111").id()).isEqualTo("lib-match");
  }

  @Test
  void matchTriesUploadsNewestFirstThenFoldersThenTheLibrary() {
    assertThat(catalog.select("whatsapp", "+15550001111").id()).isEqualTo("folder-match");
    assertThat(catalog.select("whatsapp", "+15559991111").id()).isEqualTo("lib-match");
    catalog.upload(scenario("upload-old", "whatsapp", "\\+1555.*"));
    catalog.upload(scenario("upload-new", "whatsapp", "\\+1555.*"));
    assertThat(catalog.select("whatsapp", "+15550001111").id()).isEqualTo("upload-new");
  }

  @Test
  void theHappyPathIsTheDefault() {
    assertThat(catalog.select("whatsapp", "+447700900000").id()).isEqualTo("whatsapp-happy-path");
  }

  @Test
  void resetForgetsUploadsAndBindingsOfThatProviderOnly() {
    catalog.upload(scenario("upload-new", "whatsapp", "\\+1555.*"));
    catalog.bind("whatsapp", "+1", "lib-match");
    catalog.reset("whatsapp");
    assertThat(catalog.find("upload-new")).isEmpty();
    assertThat(catalog.bindings("whatsapp")).isEmpty();
    assertThat(catalog.find("folder-match")).isPresent();
  }

  @Test
  void anUploadReplacesOneOfTheSameIdAndSaysSo() {
    assertThat(catalog.upload(scenario("u-one", "whatsapp", null))).isFalse();
    assertThat(catalog.upload(scenario("u-one", "whatsapp", null))).isTrue();
    assertThat(catalog.list("whatsapp"))
        .extracting(e -> e.scenario().id())
        .containsOnlyOnce("u-one");
  }
}
