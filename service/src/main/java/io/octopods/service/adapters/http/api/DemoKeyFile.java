package io.octopods.service.adapters.http.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The demo workspace's key in {@code <data-dir>/demo.key}: generated on first start, reused after.
 */
final class DemoKeyFile {
  static final String FILE_NAME = "demo.key";
  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoKeyFile() {}

  /**
   * The key kept in the file; a new one (random, url-safe, 48 characters) when there is none yet.
   */
  static String readOrCreate(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    try {
      String kept = read(file);
      if (!kept.isEmpty()) {
        return kept;
      }
      Files.createDirectories(dataDir);
      String key = generate();
      Path tmp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
      try {
        restrictToOwner(tmp);
        Files.writeString(tmp, key + "\n", StandardCharsets.UTF_8);
        if (Files.exists(file)) {
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } else {
          Files.move(tmp, file);
        }
        return key;
      } catch (FileAlreadyExistsException raced) {
        return read(file);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot keep the demo API key in "
              + file.toAbsolutePath()
              + " ("
              + e
              + "); make the data directory (OCTOPODS_DATA_DIR) writable, or set "
              + ApiKeys.VARIABLE,
          e);
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : "";
  }

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return "demo_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the file keeps the directory's permissions
    }
  }
}
