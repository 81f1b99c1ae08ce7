package io.octopods.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Contract examples read from the classpath, as bodies of exchanges in tests. */
final class ContractExamples {
  private ContractExamples() {}

  /** A contract example from the classpath, e.g. {@code service/examples/message.json}. */
  static String example(String file) {
    try (InputStream in =
        ContractExamples.class.getClassLoader().getResourceAsStream(ContractFiles.ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException("no example " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
