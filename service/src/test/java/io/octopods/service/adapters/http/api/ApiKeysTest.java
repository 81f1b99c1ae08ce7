package io.octopods.service.adapters.http.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {
  @TempDir Path dir;

  @Test
  void keysFromTheVariableMapToTheirWorkspaces() {
    ApiKeys keys = ApiKeys.from(Optional.of(" acme:k1 , beta:k2,acme:k3,"), dir);
    assertThat(keys.workspaceOf("k1")).contains("acme");
    assertThat(keys.workspaceOf("k2")).contains("beta");
    assertThat(keys.workspaceOf("k3")).as("a workspace may have several keys").contains("acme");
    assertThat(keys.workspaceOf("k4")).isEmpty();
    assertThat(keys.workspaceOf("")).isEmpty();
    assertThat(keys.workspaceOf(null)).isEmpty();
    assertThat(keys.workspaceOf("K1")).as("keys are case-sensitive").isEmpty();
    assertThat(keys.workspaces()).containsExactly("acme", "beta");
    assertThat(keys.demoKey()).isEmpty();
    assertThat(dir.resolve("demo.key")).doesNotExist();
  }

  @Test
  void aKeyMayContainAColon() {
    assertThat(ApiKeys.from(Optional.of("acme:k:1"), dir).workspaceOf("k:1")).contains("acme");
  }

  @Test
  void aMalformedVariableIsRefusedSayingWhereAndHowWithoutShowingAKey() {
    assertThatThrownBy(() -> ApiKeys.from(Optional.of("acme:k1,secretwithoutcolon"), dir))
        .hasMessageContaining("entry 2")
        .hasMessageContaining("workspace:key")
        .message()
        .doesNotContain("secretwithoutcolon");
    assertThatThrownBy(() -> ApiKeys.from(Optional.of("acme:"), dir))
        .hasMessageContaining("empty key");
    assertThatThrownBy(() -> ApiKeys.from(Optional.of(":k1"), dir))
        .hasMessageContaining("workspace");
    assertThatThrownBy(() -> ApiKeys.from(Optional.of("ac me:k1"), dir))
        .hasMessageContaining("'ac me'");
    assertThatThrownBy(() -> ApiKeys.from(Optional.of("acme:topsecret,beta:topsecret"), dir))
        .hasMessageContaining("one workspace")
        .message()
        .doesNotContain("topsecret");
    assertThatThrownBy(() -> ApiKeys.from(Optional.of(", ,"), dir)).hasMessageContaining("no key");
  }

  @Test
  void unsetTheDemoWorkspaceGetsAGeneratedKeyThatIsKeptAndReused() throws Exception {
    Path dataDir = dir.resolve("data");
    ApiKeys first = ApiKeys.from(Optional.empty(), dataDir);
    String key = first.demoKey().orElseThrow();
    assertThat(key).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+");
    assertThat(first.workspaceOf(key)).contains("demo");
    assertThat(Files.readString(dataDir.resolve("demo.key")).trim()).isEqualTo(key);

    ApiKeys second = ApiKeys.from(Optional.of("  "), dataDir);
    assertThat(second.demoKey()).as("blank counts as unset; the kept key is reused").contains(key);
    assertThat(second.workspaceOf(key)).contains("demo");

    assertThat(ApiKeys.from(Optional.empty(), dir.resolve("other")).demoKey())
        .isNotEqualTo(Optional.of(key));
  }

  @Test
  void anEmptyDemoKeyFileGetsANewKey() throws Exception {
    Files.writeString(dir.resolve("demo.key"), "\n");
    String key = ApiKeys.from(Optional.empty(), dir).demoKey().orElseThrow();
    assertThat(key).hasSizeGreaterThanOrEqualTo(32);
    assertThat(Files.readString(dir.resolve("demo.key")).trim()).isEqualTo(key);
  }
}
