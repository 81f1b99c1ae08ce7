package io.octopods.features.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the gate finds the Allure command line: already unpacked beside the harness, else unpacked
 * from the local Maven repository's zip, else fetched there by Maven first.
 */
class AllureCommandLineTest {
  private static final String VERSION = "9.9.9";
  @TempDir Path beside;
  @TempDir Path repository;

  private final List<String> fetched = new ArrayList<>();

  @Test
  void theVersionsAreTheBuilds() {
    assertThat(AllureCommandLine.VERSION).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
    assertThat(AllureCommandLine.DEPENDENCY_PLUGIN).matches("[0-9]+\\.[0-9]+\\.[0-9]+");
  }

  @Test
  void anUnpackedCommandLineIsUsedAsItIs() throws IOException {
    Path home = Files.createDirectories(beside.resolve("allure-" + VERSION));
    Files.createDirectories(home.resolve("lib"));
    Files.createDirectories(home.resolve("plugins"));

    assertThat(AllureCommandLine.home(beside, repository, VERSION, this::refuse)).isEqualTo(home);
    assertThat(fetched).isEmpty();
  }

  @Test
  void theLocalRepositorysZipIsUnpackedBesideTheHarness() throws IOException {
    putZip(repository, commandLineZip("allure-" + VERSION + "/"));

    Path home = AllureCommandLine.home(beside, repository, VERSION, this::refuse);

    assertThat(home).isEqualTo(beside.resolve("allure-" + VERSION));
    assertThat(home.resolve("lib/allure-commandline.jar")).hasContent("jar");
    assertThat(home.resolve("plugins/README.txt")).exists();
    assertThat(fetched).isEmpty();
    try (var left = Files.list(beside)) {
      assertThat(left).as("nothing half unpacked is left").containsExactly(home);
    }
  }

  @Test
  void withoutEitherMavenFetchesItIntoTheLocalRepositoryFirst() throws IOException {
    byte[] zip = commandLineZip("allure-" + VERSION + "/");

    Path home =
        AllureCommandLine.home(
            beside,
            repository,
            VERSION,
            (repo, version) -> {
              fetched.add(repo + " " + version);
              putZip(repo, zip);
            });

    assertThat(fetched).containsExactly(repository + " " + VERSION);
    assertThat(home.resolve("lib/allure-commandline.jar")).exists();
  }

  @Test
  void aFetchThatBringsNothingIsAnError() {
    assertThatThrownBy(
            () -> AllureCommandLine.home(beside, repository, VERSION, (repo, version) -> {}))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not in " + repository);
  }

  @Test
  void mavenFetchesTheZipFromItsRepositoriesIntoTheLocalOneAndChecksItsChecksum() {
    assertThat(AllureCommandLine.mavenGet(repository, VERSION))
        .startsWith("mvn")
        .contains(
            "--strict-checksums",
            "-Dmaven.repo.local=" + repository,
            "org.apache.maven.plugins:maven-dependency-plugin:"
                + AllureCommandLine.DEPENDENCY_PLUGIN
                + ":get",
            "-Dartifact=io.qameta.allure:allure-commandline:" + VERSION + ":zip");
  }

  @Test
  void anEntryOutsideTheZipsFolderIsRefused() throws IOException {
    putZip(repository, commandLineZip("../"));

    assertThatThrownBy(() -> AllureCommandLine.home(beside, repository, VERSION, this::refuse))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("outside");
  }

  private void refuse(Path repo, String version) {
    fetched.add(repo + " " + version);
    throw new AssertionError("nothing is fetched when the command line is at hand");
  }

  private static void putZip(Path repo, byte[] zip) throws IOException {
    Path file = repo.resolve(AllureCommandLine.repositoryPath(VERSION));
    Files.createDirectories(file.getParent());
    Files.write(file, zip);
  }

  private static byte[] commandLineZip(String folder) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, folder + "lib/allure-commandline.jar", "jar");
      entry(zip, folder + "lib/config/logback.xml", "<configuration/>");
      entry(zip, folder + "plugins/README.txt", "plugins");
    }
    return bytes.toByteArray();
  }

  private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes());
    zip.closeEntry();
  }
}
