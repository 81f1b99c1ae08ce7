package io.octopods.simulator.core.http;

import io.octopods.simulator.core.http.KeptAliveConnections.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Reads one HTTP/1.1 answer off a connection: status line, headers, and a body by length, chunks or
 * close.
 */
final class AnswerReader {
  private static final byte[] NO_BODY = new byte[0];

  /** An answer, and whether its connection may carry another request. */
  record Read(Answer answer, boolean keepAlive) {}

  private AnswerReader() {}

  /** Reads one answer (after any interim ones) and whether the connection may be used again. */
  static Read read(InputStream in, boolean keepBody) throws IOException {
    while (true) {
      String statusLine = line(in);
      if (statusLine == null) {
        throw new IOException("the connection closed before an answer");
      }
      String[] parts = statusLine.split(" ", 3);
      if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
        throw new IOException("not an HTTP answer: " + statusLine);
      }
      int status = Integer.parseInt(parts[1]);
      long length = -1;
      boolean chunked = false;
      boolean close = parts[0].equals("HTTP/1.0");
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          continue;
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.contains("chunked");
          case "connection" ->
              close = value.contains("close") || (close && !value.contains("keep-alive"));
          default -> {}
        }
      }
      if (status >= 100 && status < 200) {
        continue; // an interim answer; the real one follows
      }
      ByteArrayOutputStream body =
          keepBody ? new ByteArrayOutputStream() : null; // null: read and dropped
      if (chunked) {
        copyChunks(in, body);
      } else if (length >= 0) {
        copy(in, length, body);
      } else if (status != 204 && status != 304) {
        in.transferTo(
            body != null
                ? body
                : OutputStream.nullOutputStream()); // the body ends when the connection does
        close = true;
      }
      return new Read(new Answer(status, body != null ? body.toByteArray() : NO_BODY), !close);
    }
  }

  private static void copyChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
    while (true) {
      String size = line(in);
      if (size == null) {
        throw new IOException("the connection closed inside a chunked body");
      }
      int semicolon = size.indexOf(';');
      long n = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).trim(), 16);
      if (n == 0) {
        for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
          // trailers are dropped
        }
        return;
      }
      copy(in, n, body);
      line(in);
    }
  }

  /**
   * Moves exactly {@code n} bytes from {@code in} to {@code body}, or skips them when {@code body}
   * is null.
   */
  private static void copy(InputStream in, long n, ByteArrayOutputStream body) throws IOException {
    if (body != null) {
      byte[] bytes = in.readNBytes(Math.toIntExact(n));
      if (bytes.length < n) {
        throw new IOException("the connection closed inside the body");
      }
      body.write(bytes);
      return;
    }
    long left = n;
    while (left > 0) {
      long skipped = in.skip(left);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new IOException("the connection closed inside the body");
        }
        skipped = 1;
      }
      left -= skipped;
    }
  }

  /** A line without its CRLF, or null at the end of the stream. */
  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream(64);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int len = b.size();
        byte[] bytes = b.toByteArray();
        return new String(
            bytes,
            0,
            len > 0 && bytes[len - 1] == '\r' ? len - 1 : len,
            StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }
}
