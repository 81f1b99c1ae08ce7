package io.octopods.stack.bench;

import io.octopods.service.domain.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * The traffic: messages taken in waves of {@value #WAVE}; each message gets a realistic report
 * sequence for its provider (Twilio {@code sent, delivered} or {@code undelivered}; WhatsApp {@code
 * sent, delivered[, read]} or {@code failed}; Viber {@code delivered[, seen]} or {@code failed}).
 * Within a wave the n-th reports of all messages go out before the (n+1)-th, shuffled; {@value
 * #REORDER_PCT} % of messages get two reports swapped (reorders), {@value #DUPLICATE_PCT} % of
 * reports are sent again later as a provider retry (duplicates), and WhatsApp reports travel in
 * batches of 1 to 4 statuses ({@value #BATCH_PCT} % of notifications are batches). When every
 * message has been used, the next pass starts over with higher attempt numbers (stale reports).
 */
final class CallbackMix {
  static final int WAVE = 300;
  static final int REORDER_PCT = 15;
  static final int DUPLICATE_PCT = 10;
  static final int BATCH_PCT = 30;

  /** One report to send. */
  record Planned(BenchMessage message, String word, int attempt, boolean sample) {
    String key() {
      return message.providerId() + ":" + word + ":" + attempt;
    }
  }

  private final List<BenchMessage> messages;
  private final CallbackSigner signer;
  private final Random random;
  private final int sampleEvery;
  private final Deque<Callback> ready = new ArrayDeque<>();
  private int cursor;
  private int pass;
  private long sampled;

  CallbackMix(List<BenchMessage> messages, CallbackSigner signer, long seed, int sampleEvery) {
    this.messages = messages;
    this.signer = signer;
    this.random = new Random(seed);
    this.sampleEvery = sampleEvery;
  }

  /** How many times the run went through all messages (0 while every message is fresh). */
  synchronized int passes() {
    return pass;
  }

  /** The next {@code count} callbacks, signed. */
  synchronized List<Callback> next(int count, boolean sampling) {
    List<Callback> out = new ArrayList<>(count);
    while (out.size() < count) {
      if (ready.isEmpty()) {
        wave(sampling);
      }
      out.add(ready.poll());
    }
    return out;
  }

  private void wave(boolean sampling) {
    List<List<Planned>> rounds = new ArrayList<>();
    for (int i = 0; i < WAVE; i++) {
      BenchMessage m = messages.get(cursor);
      cursor = (cursor + 1) % messages.size();
      if (cursor == 0) {
        pass++;
      }
      List<String> words = words(m.channel());
      if (words.size() > 1 && random.nextInt(100) < REORDER_PCT) {
        int k = random.nextInt(words.size() - 1);
        Collections.swap(words, k, k + 1);
      }
      boolean sample =
          sampling && sampleEvery > 0 && ++sampled % sampleEvery == 0 && samplable(words.get(0));
      for (int r = 0; r < words.size(); r++) {
        Planned p = new Planned(m, words.get(r), 1 + 10 * pass, sample && r == 0);
        roundOf(rounds, r).add(p);
        if (random.nextInt(100) < DUPLICATE_PCT) { // a provider retry, later in the wave
          roundOf(rounds, r + 1 + random.nextInt(2))
              .add(new Planned(m, p.word(), p.attempt() + 1, false));
        }
      }
    }
    for (List<Planned> round : rounds) {
      Collections.shuffle(round, random);
      emit(round);
    }
  }

  private void emit(List<Planned> round) {
    List<Planned> batch = new ArrayList<>();
    int batchSize = 1;
    for (Planned p : round) {
      if (p.message().channel() != Channel.WHATSAPP) {
        ready.add(signer.sign(List.of(p)));
        continue;
      }
      if (batch.isEmpty()) {
        batchSize = random.nextInt(100) < BATCH_PCT ? 2 + random.nextInt(3) : 1;
      }
      batch.add(p);
      if (batch.size() >= batchSize) {
        ready.add(signer.sign(List.copyOf(batch)));
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      ready.add(signer.sign(List.copyOf(batch)));
    }
  }

  private static List<Planned> roundOf(List<List<Planned>> rounds, int r) {
    while (rounds.size() <= r) {
      rounds.add(new ArrayList<>());
    }
    return rounds.get(r);
  }

  private List<String> words(Channel channel) {
    int fate = random.nextInt(100);
    List<String> w = new ArrayList<>();
    switch (channel) {
      case SMS -> {
        w.add("sent");
        w.add(fate < 5 ? "undelivered" : "delivered");
      }
      case WHATSAPP -> {
        if (fate < 3) {
          w.add("failed");
        } else {
          w.add("sent");
          w.add("delivered");
          if (fate < 60) {
            w.add("read");
          }
        }
      }
      case VIBER -> {
        w.add(fate < 3 ? "failed" : "delivered");
        if (fate >= 3 && fate < 50) {
          w.add("seen");
        }
      }
    }
    return w;
  }

  private static boolean samplable(String word) {
    return statusOf(word) != null;
  }

  /**
   * The public status a message shows once this word is applied; null for the words not sampled.
   */
  static String statusOf(String word) {
    return switch (word) {
      case "sent" -> "SENT";
      case "delivered" -> "DELIVERED";
      case "read" -> "READ";
      default -> null;
    };
  }
}
