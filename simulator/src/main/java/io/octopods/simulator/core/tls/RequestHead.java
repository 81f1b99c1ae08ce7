package io.octopods.simulator.core.tls;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The head of the first request on a connection, read byte for byte up to its blank line, so that
 * the bytes can be passed on unchanged once the {@code Host} header has chosen where they go.
 */
record RequestHead(byte[] bytes) {
  static final int MAX_BYTES = 64 * 1024;

  /** Reads up to the end of the head (or {@link #MAX_BYTES}, or the end of the stream). */
  static RequestHead read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int last = 0; // the last four bytes read
    while (head.size() < MAX_BYTES) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      last = (last << 8) | b;
      if (last == 0x0d0a0d0a || (last & 0xffff) == 0x0a0a) {
        break;
      }
    }
    return new RequestHead(head.toByteArray());
  }

  /** The {@code Host} header's name, lower-case, without port or IPv6 brackets. */
  Optional<String> host() {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    for (String line : text.split("\r?\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("host")) {
        return Optional.of(hostName(line.substring(colon + 1).trim())).filter(h -> !h.isEmpty());
      }
    }
    return Optional.empty();
  }

  static String hostName(String authority) {
    String host = authority;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      host = close > 0 ? host.substring(1, close) : host;
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
      host = host.substring(0, host.indexOf(':'));
    }
    host = host.toLowerCase(Locale.ROOT);
    return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
  }

  boolean empty() {
    return bytes.length == 0;
  }
}
