package io.octopods.service.adapters.surfaces.canvaskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the surfaces read from a Canvas Kit request (providers.md 4), leniently: its shapes are
 * UNCONFIRMED.
 */
class IntercomCanvasRequestTest {
  private static CanvasRequest read(String json) {
    return CanvasRequest.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsWorkspaceContactComponentAndStoredData() {
    CanvasRequest r =
        read(
            "{\"workspace_id\":\"ic1\",\"contact\":{\"email\":\" A@Example.com \",\"phone\":\"+1 (555) 123-0001\"},"
                + "\"component_id\":\"refresh\",\"current_canvas\":{\"content\":{\"components\":[]},\"stored_data\":{\"message_id\":\"m1\"}}}");
    assertThat(r.intercomWorkspaceId()).contains("ic1");
    assertThat(r.contactEmail()).contains("A@Example.com");
    assertThat(r.contactPhone()).contains("+15551230001");
    assertThat(r.componentId()).contains("refresh");
    assertThat(r.stored("message_id")).contains("m1");
    assertThat(r.hasContact()).isTrue();
  }

  @Test
  void appIdStandsInForWorkspaceIdInOldVersions() {
    assertThat(read("{\"app_id\":\"ic9\"}").intercomWorkspaceId()).contains("ic9");
  }

  @Test
  void missingOrOddFieldsAreAbsent() {
    CanvasRequest r =
        read(
            "{\"workspace_id\":7,\"contact\":{\"email\":null,\"phone\":\"n/a\"},\"current_canvas\":{\"stored_data\":[]}}");
    assertThat(r.intercomWorkspaceId()).isEmpty();
    assertThat(r.contactEmail()).isEmpty();
    assertThat(r.contactPhone()).isEmpty();
    assertThat(r.componentId()).isEmpty();
    assertThat(r.stored("message_id")).isEmpty();
    assertThat(r.hasContact()).isFalse();
  }

  @Test
  void phonesBecomeE164() {
    assertThat(CanvasRequest.e164("+15551230001")).contains("+15551230001");
    assertThat(CanvasRequest.e164("0044 20 7946 0018")).contains("+442079460018");
    assertThat(CanvasRequest.e164("15551230001")).contains("+15551230001");
    assertThat(CanvasRequest.e164("+1.555.123.0001")).contains("+15551230001");
    assertThat(CanvasRequest.e164("555-01")).isEmpty();
    assertThat(CanvasRequest.e164("call me")).isEmpty();
    assertThat(CanvasRequest.e164("")).isEqualTo(Optional.empty());
  }

  @Test
  void notAJsonObjectIsRefused() {
    assertThatThrownBy(() -> read("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> read("workspace_id=1")).isInstanceOf(IllegalArgumentException.class);
  }
}
