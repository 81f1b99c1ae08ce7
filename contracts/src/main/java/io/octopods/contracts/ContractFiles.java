package io.octopods.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** Finds the contract files ({@code *.schema.json}) under the classpath root {@code contracts/}. */
final class ContractFiles {

  static final String ROOT = "contracts/";
  static final String SUFFIX = ".schema.json";

  private ContractFiles() {}

  /** Every contract file, relative to {@code contracts/}, with {@code /} separators, sorted. */
  static List<String> list(ClassLoader loader) {
    return list(loader, SUFFIX);
  }

  /**
   * Every file under {@code contracts/} whose name ends with {@code suffix}, relative to it,
   * sorted.
   */
  static List<String> list(ClassLoader loader, String suffix) {
    TreeSet<String> names = new TreeSet<>();
    try {
      for (URL root : Collections.list(loader.getResources(ROOT))) {
        if ("jar".equals(root.getProtocol())) {
          addFromJar(root, suffix, names);
        } else {
          addFromFolder(Path.of(root.toURI()), suffix, names);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot list the contract files under classpath '" + ROOT + "'", e);
    } catch (URISyntaxException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot list the contract files under classpath '" + ROOT + "'", e);
    }
    if (names.isEmpty()) {
      throw new IllegalStateException(
          "no "
              + ROOT
              + "**/*"
              + suffix
              + " on the classpath: "
              + "put the octopods-contracts jar (or contracts/target/classes) on it");
    }
    return List.copyOf(names);
  }

  private static void addFromJar(URL root, String suffix, TreeSet<String> names)
      throws IOException {
    JarURLConnection connection = (JarURLConnection) root.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = connection.getJarFile()) {
      jar.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith(ROOT) && name.endsWith(suffix))
          .forEach(name -> names.add(name.substring(ROOT.length())));
    }
  }

  private static void addFromFolder(Path root, String suffix, TreeSet<String> names)
      throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .filter(Files::isRegularFile)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .filter(name -> name.endsWith(suffix))
          .forEach(names::add);
    }
  }
}
