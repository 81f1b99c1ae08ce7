package io.octopods.stack.bench;

import io.octopods.service.domain.Channel;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** A message the benchmark stored itself, with the provider id its callbacks carry. */
record BenchMessage(String messageId, Channel channel, String providerId, String to) {
  static BenchMessage make(int index, Random random) {
    Channel channel = Channel.values()[index % 3];
    String to = String.format(Locale.ROOT, "+1555%07d", index % 10_000_000);
    String providerId =
        switch (channel) {
          case SMS -> "SM" + hex(random, 32);
          case WHATSAPP -> "wamid.HBgL" + hex(random, 40).toUpperCase(Locale.ROOT);
          case VIBER ->
              String.valueOf(
                  4_000_000_000_000_000_000L + (random.nextLong() & 0x1FFF_FFFF_FFFF_FFFFL));
        };
    return new BenchMessage(UUID.randomUUID().toString(), channel, providerId, to);
  }

  private static String hex(Random random, int digits) {
    StringBuilder s = new StringBuilder(digits);
    for (int i = 0; i < digits; i++) {
      s.append(Character.forDigit(random.nextInt(16), 16));
    }
    return s.toString();
  }
}
