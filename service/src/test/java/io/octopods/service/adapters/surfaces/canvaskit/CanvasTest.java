package io.octopods.service.adapters.surfaces.canvaskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Canvas Kit response a status is shown in (providers.md, section 4): its components, in order,
 * and stored data.
 */
class CanvasTest {
  private static JsonNode components(Canvas canvas) {
    return canvas.json().path("canvas").path("content").path("components");
  }

  @Test
  void theComponentsComeInTheOrderTheyWereAddedWithLowerCaseStyles() {
    Canvas canvas =
        Canvas.create()
            .text("Sent messages", Canvas.TextStyle.HEADER)
            .spacer(Canvas.SpacerSize.XS)
            .divider()
            .button("back", "Back", Canvas.ButtonStyle.SECONDARY);

    JsonNode c = components(canvas);
    assertThat(c).hasSize(4);
    assertThat(c.get(0).toString())
        .isEqualTo("{\"type\":\"text\",\"text\":\"Sent messages\",\"style\":\"header\"}");
    assertThat(c.get(1).toString()).isEqualTo("{\"type\":\"spacer\",\"size\":\"xs\"}");
    assertThat(c.get(2).toString()).isEqualTo("{\"type\":\"divider\"}");
    assertThat(c.get(3).toString())
        .isEqualTo(
            "{\"type\":\"button\",\"id\":\"back\",\"label\":\"Back\",\"style\":\"secondary\","
                + "\"action\":{\"type\":\"submit\"}}");
  }

  @Test
  void aListItemSubmitsItsIdAndCarriesOnlyTheTextsItHas() {
    JsonNode items =
        components(
                Canvas.create()
                    .list(
                        List.of(
                            new Canvas.Item(
                                "m-1",
                                "SMS to +15551230001",
                                Optional.of("Sent"),
                                Optional.of("6 Nov 09:05 UTC")),
                            new Canvas.Item(
                                "m-2",
                                "Viber to +15551230002",
                                Optional.empty(),
                                Optional.empty()))))
            .get(0)
            .path("items");

    assertThat(items.get(0).toString())
        .isEqualTo(
            "{\"type\":\"item\",\"id\":\"m-1\",\"title\":\"SMS to +15551230001\","
                + "\"subtitle\":\"Sent\",\"tertiary_text\":\"6 Nov 09:05 UTC\",\"action\":{\"type\":\"submit\"}}");
    assertThat(items.get(1).toString())
        .isEqualTo(
            "{\"type\":\"item\",\"id\":\"m-2\",\"title\":\"Viber to +15551230002\","
                + "\"action\":{\"type\":\"submit\"}}");
  }

  @Test
  void aDataTableHasOneFieldValuePerRow() {
    JsonNode table =
        components(
                Canvas.create()
                    .dataTable(
                        List.of(
                            new Canvas.Row("Delivery Status", "Delivered"),
                            new Canvas.Row("Channel", "SMS"))))
            .get(0);

    assertThat(table.toString())
        .isEqualTo(
            "{\"type\":\"data-table\",\"items\":["
                + "{\"type\":\"field-value\",\"field\":\"Delivery Status\",\"value\":\"Delivered\"},"
                + "{\"type\":\"field-value\",\"field\":\"Channel\",\"value\":\"SMS\"}]}");
  }

  @Test
  void canvasKitHasNoEmptyListOrTable() {
    assertThatThrownBy(() -> Canvas.create().list(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one item");
    assertThatThrownBy(() -> Canvas.create().dataTable(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one row");
  }

  @Test
  void storedDataComesBackInTheNextRequestAndTheBodyIsACopy() {
    Canvas canvas = Canvas.create().text("x", Canvas.TextStyle.MUTED).store("message_id", "m-1");
    ObjectNode body = canvas.json();
    ((ObjectNode) body.path("canvas").path("stored_data")).put("message_id", "changed");

    assertThat(canvas.json().path("canvas").path("stored_data").toString())
        .isEqualTo("{\"message_id\":\"m-1\"}");
    assertThat(
            canvas
                .json()
                .path("canvas")
                .path("content")
                .path("components")
                .get(0)
                .path("style")
                .asText())
        .isEqualTo("muted");
  }
}
