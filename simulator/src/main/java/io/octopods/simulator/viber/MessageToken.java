package io.octopods.simulator.viber;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Viber's {@code message_token}: a random positive 64-bit integer, here always above 2^53 and never
 * exactly representable as a double, so a client that parses it as one is caught. Kept as its
 * decimal digits; written in JSON as a bare number.
 */
final class MessageToken {
  private static final long ABOVE_DOUBLE_PRECISION = 1L << 53;

  private MessageToken() {}

  static String next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long token;
    do {
      token = random.nextLong(ABOVE_DOUBLE_PRECISION + 1, Long.MAX_VALUE);
    } while ((long) (double) token == token);
    return Long.toString(token);
  }

  /**
   * The token as a JSON number with every digit (text if it is not digits, which no token of ours
   * is).
   */
  static JsonNode json(String token) {
    return token.matches("\\d+")
        ? BigIntegerNode.valueOf(new BigInteger(token))
        : TextNode.valueOf(token);
  }
}
