package io.octopods.simulator.core.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.simulator.core.Json;
import java.nio.charset.StandardCharsets;

/**
 * A step's {@code raw} body: a string byte for byte, or a mapping serialised compactly (key order
 * kept, integers exact).
 */
public final class RawBody {
  private RawBody() {}

  public static byte[] bytes(JsonNode raw, Placeholders placeholders) {
    String text =
        raw.isTextual()
            ? placeholders.substitute(raw.textValue())
            : Json.write(placeholders.substitute(raw));
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
