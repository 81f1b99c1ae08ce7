package io.octopods.service.adapters.surfaces.canvaskit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.octopods.service.adapters.http.api.ApiKeys;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCTOPODS_INTERCOM_WORKSPACES (api.md, "Surfaces"). */
class IntercomWorkspacesTest {
  @TempDir Path dir;

  private ApiKeys keys() {
    return ApiKeys.from(Optional.of("acme:k_acme_1,beta:k_beta_1"), dir);
  }

  @Test
  void listedIntercomWorkspacesMapToTheirsAndOthersToNone() {
    IntercomWorkspaces w = IntercomWorkspaces.from(Optional.of(" ic1:acme , ic2:beta,"), keys());
    assertThat(w.workspaceOf(Optional.of("ic1"))).contains("acme");
    assertThat(w.workspaceOf(Optional.of("ic2"))).contains("beta");
    assertThat(w.workspaceOf(Optional.of("ic3"))).isEmpty();
    assertThat(w.workspaceOf(Optional.empty())).isEmpty();
  }

  @Test
  void unsetOrBlankMapsEveryoneToTheFirstWorkspaceOfTheKeys() {
    for (Optional<String> env : java.util.List.of(Optional.<String>empty(), Optional.of("  "))) {
      IntercomWorkspaces w = IntercomWorkspaces.from(env, keys());
      assertThat(w.workspaceOf(Optional.of("anything"))).contains("acme");
      assertThat(w.workspaceOf(Optional.empty())).contains("acme");
    }
  }

  @Test
  void withoutKeysEveryoneSeesTheDemoWorkspace() {
    IntercomWorkspaces w =
        IntercomWorkspaces.from(Optional.empty(), ApiKeys.from(Optional.empty(), dir));
    assertThat(w.workspaceOf(Optional.of("ic1"))).contains("demo");
  }

  @Test
  void aMalformedValueIsRefusedSayingWhichEntry() {
    assertThatThrownBy(() -> IntercomWorkspaces.from(Optional.of("ic1:acme,ic2"), keys()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("entry 2")
        .hasMessageContaining("':'");
    assertThatThrownBy(() -> IntercomWorkspaces.from(Optional.of(":acme"), keys()))
        .hasMessageContaining("entry 1");
    assertThatThrownBy(() -> IntercomWorkspaces.from(Optional.of("ic1:ac me"), keys()))
        .hasMessageContaining("ac me");
    assertThatThrownBy(() -> IntercomWorkspaces.from(Optional.of("ic1:acme,ic1:beta"), keys()))
        .hasMessageContaining("ic1")
        .hasMessageContaining("acme");
    assertThatThrownBy(() -> IntercomWorkspaces.from(Optional.of(" , "), keys()))
        .hasMessageContaining("lists no workspace");
  }
}
