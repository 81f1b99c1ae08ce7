package io.octopods.simulator.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * One scripted callback.
 *
 * @param index position in the scenario after the stable sort by {@code at}
 * @param status the provider's own word; empty only with {@code raw}
 * @param fields merged into the event object; keys starting with {@code /} are JSON Pointers from
 *     the payload root
 * @param raw the whole body instead of a rendered one (a string byte for byte, or a mapping
 *     serialised compactly)
 */
public record CallbackStep(
    int index,
    Duration at,
    Optional<String> status,
    int repeat,
    Optional<String> error,
    Signature signature,
    Batch batch,
    Optional<ObjectNode> fields,
    Optional<JsonNode> raw,
    Optional<String> contentType,
    boolean drop) {

  /** How the callback is signed. */
  public enum Signature {
    VALID,
    INVALID,
    MISSING,
    PORT_VARIANT;

    public static Signature of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Where a step joins the delivery before it (WhatsApp only). */
  public enum Batch {
    NONE,
    STATUS,
    CHANGE,
    ENTRY
  }

  public String statusOr(String fallback) {
    return status.orElse(fallback);
  }
}
