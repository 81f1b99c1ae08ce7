package io.octopods.features.cli;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Allure command line that the reports module uses (Maven Central's {@code
 * io.qameta.allure:allure-commandline} zip, same version), run in a JVM of its own to turn Allure
 * results into one self-contained HTML file. It is looked for, in order: unpacked beside the
 * harness ({@code features/target/allure-commandline/}, where the build unpacks it, next to the
 * classes and the launcher's jar); as the zip in the local Maven repository ({@code
 * maven.repo.local}, else {@code ~/.m2/repository}), then unpacked beside the harness; else fetched
 * into the local repository from Maven Central by Maven itself ({@code dependency:get}, checksums
 * checked), then unpacked. Where the harness's folder cannot be written, the temporary folder is
 * used instead.
 */
final class AllureCommandLine {
  static final String VERSION = shipped("version");
  static final String DEPENDENCY_PLUGIN = shipped("dependency-plugin");
  private static final Duration LONGEST_GENERATION = Duration.ofMinutes(5);
  private static final Duration LONGEST_FETCH = Duration.ofMinutes(10);

  /** Puts the zip of a version into a local Maven repository. */
  interface Fetch {
    void into(Path localRepository, String version) throws IOException;
  }

  private final Path home;

  AllureCommandLine(Path home) {
    this.home = home;
  }

  /** The command line, unpacked (or fetched) as the class comment says. */
  static AllureCommandLine find() throws IOException {
    return new AllureCommandLine(
        home(besideTheHarness(), localRepository(), VERSION, AllureCommandLine::fetchWithMaven));
  }

  /**
   * Where {@code allure-<version>} is, unpacked into {@code folder}: already there, or from the
   * local repository's zip, fetched there by {@code fetch} when missing.
   */
  static Path home(Path folder, Path localRepository, String version, Fetch fetch)
      throws IOException {
    Path home = folder.resolve("allure-" + version);
    if (Files.isDirectory(home.resolve("lib")) && Files.isDirectory(home.resolve("plugins"))) {
      return home;
    }
    Path zip = localRepository.resolve(repositoryPath(version));
    if (!Files.isRegularFile(zip)) {
      fetch.into(localRepository, version);
      if (!Files.isRegularFile(zip)) {
        throw new IOException("the Allure command line " + version + " is not in " + zip);
      }
    }
    Files.createDirectories(folder);
    unpack(zip, folder, home);
    return home;
  }

  /** The zip's path in a Maven repository. */
  static String repositoryPath(String version) {
    return "io/qameta/allure/allure-commandline/"
        + version
        + "/allure-commandline-"
        + version
        + ".zip";
  }

  /**
   * The Maven command that fetches the zip into {@code localRepository}, failing on a bad checksum.
   */
  static List<String> mavenGet(Path localRepository, String version) {
    return List.of(
        "mvn",
        "-B",
        "-q",
        "--strict-checksums",
        "-Dmaven.repo.local=" + localRepository,
        "org.apache.maven.plugins:maven-dependency-plugin:" + DEPENDENCY_PLUGIN + ":get",
        "-Dartifact=io.qameta.allure:allure-commandline:" + version + ":zip",
        "-Dtransitive=false");
  }

  private static void fetchWithMaven(Path localRepository, String version) throws IOException {
    System.err.println(
        "octopods check: the Allure command line "
            + version
            + " is neither built nor in the local Maven repository; fetching it with Maven");
    Path outside = Files.createTempDirectory("octopods-allure-fetch");
    Path log = outside.resolve("mvn.log");
    try {
      Process mvn =
          new ProcessBuilder(mavenGet(localRepository, version))
              .directory(outside.toFile()) // no project around: only the artifact is asked for
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!mvn.waitFor(LONGEST_FETCH.toSeconds(), TimeUnit.SECONDS)) {
        mvn.destroyForcibly();
        throw new IOException(
            "Maven did not fetch the Allure command line within " + LONGEST_FETCH);
      }
      if (mvn.exitValue() != 0) {
        throw new IOException(
            "Maven could not fetch the Allure command line (build the features module, or put"
                + " io.qameta.allure:allure-commandline:"
                + version
                + ":zip into the local repository):\n"
                + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching the Allure command line", e);
    } finally {
      deleteTree(outside);
    }
  }

  /**
   * Unpacks into a folder of its own first and then moves {@code home} in place, so that a gate
   * running at the same time never sees half of it.
   */
  private static void unpack(Path zip, Path folder, Path home) throws IOException {
    Path staging = Files.createTempDirectory(folder, ".unpacking-");
    try {
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          Path target = staging.resolve(e.getName()).normalize();
          if (!target.startsWith(staging)) {
            throw new IOException(zip + " holds an entry outside its folder: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      Path unpacked = staging.resolve(home.getFileName());
      if (!Files.isDirectory(unpacked.resolve("lib"))) {
        throw new IOException(zip + " has no " + home.getFileName() + "/lib");
      }
      try {
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
        // another gate unpacked it first: theirs is whole
      }
    } finally {
      deleteTree(staging);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /**
   * Generates the single-file HTML report of {@code results} into {@code report} ({@code
   * index.html}); fails with the command line's own output when it does not make one.
   */
  void generate(Path results, Path report) throws IOException, InterruptedException {
    Path lib = home.resolve("lib");
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            // a short-lived batch job: the quick compiler and the serial collector suit it
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            lib.resolve("*") + File.pathSeparator + lib.resolve("config"),
            "io.qameta.allure.CommandLine",
            "generate",
            "--clean",
            "--single-file",
            "--report-name",
            "Octopods",
            "--output",
            report.toString(),
            results.toString());
    Path log = Files.createTempFile("allure-generate", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("APP_HOME", home.toString());
      Process process = builder.start();
      if (!process.waitFor(LONGEST_GENERATION.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("allure generate did not end within " + LONGEST_GENERATION);
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(report.resolve("index.html"))) {
        throw new IOException(
            "allure generate ended with "
                + process.exitValue()
                + " and no "
                + report.resolve("index.html")
                + ":\n"
                + Files.readString(log));
      }
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static Path besideTheHarness() {
    Path fallback = Path.of(System.getProperty("java.io.tmpdir"), "octopods-allure-commandline");
    try {
      Path code =
          Path.of(
              AllureCommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path parent = code.toAbsolutePath().getParent();
      return parent != null && Files.isWritable(parent)
          ? parent.resolve("allure-commandline")
          : fallback;
    } catch (URISyntaxException | RuntimeException e) {
      return fallback;
    }
  }

  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static String shipped(String key) {
    try (InputStream in =
        AllureCommandLine.class.getResourceAsStream("allure-commandline.properties")) {
      if (in == null) {
        throw new IllegalStateException(
            "the harness is built without allure-commandline.properties");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty(key);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
