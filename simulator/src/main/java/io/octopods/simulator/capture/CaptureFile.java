package io.octopods.simulator.capture;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The capture file, appended to one line at a time by any number of threads. A write that fails is
 * reported on the error stream and never thrown: the proxy keeps forwarding. The header line is
 * written first, or before the next callback line when it could not be written at start.
 */
final class CaptureFile {
  private final Path path;
  private final String header;
  private final PrintStream err;
  private boolean headerWritten;
  private int callbacks;

  private CaptureFile(Path path, String header, PrintStream err) {
    this.path = path;
    this.header = header;
    this.err = err;
  }

  /**
   * Starts a capture at {@code path}; refuses a file that exists (an earlier capture), reports any
   * other failure and goes on.
   */
  static CaptureFile create(Path path, Capture.Header header, PrintStream err) {
    CaptureFile file = new CaptureFile(path, header.toJson(), err);
    try {
      Files.writeString(
          path, file.header + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
      file.headerWritten = true;
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException(
          "the capture file "
              + path
              + " already exists; choose another --out or move the earlier capture away");
    } catch (IOException | SecurityException e) {
      file.report(e);
    }
    return file;
  }

  /** Appends one callback line; false (reported) when it could not be written. */
  synchronized boolean append(String line) {
    try {
      String text = (headerWritten ? "" : header + "\n") + line + "\n";
      Files.writeString(
          path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      headerWritten = true;
      callbacks++;
      return true;
    } catch (IOException | SecurityException e) {
      report(e);
      return false;
    }
  }

  synchronized int callbacks() {
    return callbacks;
  }

  Path path() {
    return path;
  }

  private void report(Exception e) {
    err.println(
        "octopods record: cannot write the capture file "
            + path
            + " ("
            + e
            + "); callbacks are still forwarded but not recorded. Check that its folder exists"
            + " and is writable.");
  }
}
