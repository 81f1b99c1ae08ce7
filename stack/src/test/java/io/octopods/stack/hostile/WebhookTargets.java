package io.octopods.stack.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.stack.support.StackUnderTest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One real service (StackUnderTest: real HTTP, embedded H2, the simulators' published secrets) and,
 * per provider, settled SENT messages of ours for hostile callbacks to name: a pool every sample
 * may name, and fresh ones no sample touched yet (for replays).
 */
final class WebhookTargets implements AutoCloseable {
  private static final Duration SETTLE = Duration.ofSeconds(30);

  /** One of our messages: its id and the provider's. */
  record Target(String messageId, String providerId) {}

  final StackUnderTest stack;
  private final Map<WebhookProvider, List<Target>> pool = new EnumMap<>(WebhookProvider.class);
  private final Map<WebhookProvider, Deque<Target>> untouched =
      new EnumMap<>(WebhookProvider.class);

  private WebhookTargets(StackUnderTest stack) {
    this.stack = stack;
  }

  /**
   * Starts the stack and sends {@code pooled + fresh} messages per provider, waiting until each is
   * settled. The checks compare what is stored before and after a hostile callback, so no
   * reconciliation runs meanwhile.
   */
  static WebhookTargets start(int pooled, int fresh) {
    WebhookTargets t =
        new WebhookTargets(StackUnderTest.start(Map.of("OCTOPODS_RECONCILE_AFTER", "PT1H")));
    try {
      t.sendAndSettle(pooled, fresh);
      return t;
    } catch (RuntimeException | AssertionError e) {
      t.close();
      throw e;
    }
  }

  private void sendAndSettle(int pooled, int fresh) {
    Map<WebhookProvider, List<String[]>> sent = new EnumMap<>(WebhookProvider.class);
    for (WebhookProvider p : WebhookProvider.values()) {
      List<String[]> list = new ArrayList<>();
      for (int i = 0; i < pooled + fresh; i++) {
        String to = StackUnderTest.freshRecipient();
        list.add(new String[] {stack.send(p.channel, to).path("message_id").asText(), to});
      }
      sent.put(p, list);
    }
    for (WebhookProvider p : WebhookProvider.values()) {
      List<Target> targets = new ArrayList<>();
      for (String[] s : sent.get(p)) {
        stack.awaitSettled(p.channel, s[0], s[1], SETTLE);
        String providerId = stack.message(p.channel, s[0]).path("provider_message_id").asText("");
        assertThat(providerId).as("provider id of %s %s", p, s[0]).isNotBlank();
        targets.add(new Target(s[0], providerId));
      }
      pool.put(p, List.copyOf(targets.subList(0, pooled)));
      untouched.put(p, new ArrayDeque<>(targets.subList(pooled, targets.size())));
    }
  }

  /** The settled messages every sample of {@code p} may name. */
  List<Target> pool(WebhookProvider p) {
    return pool.get(p);
  }

  /**
   * A settled message of {@code p} no sample named yet, or else the pooled one at {@code fallback}.
   */
  Target untouched(WebhookProvider p, int fallback) {
    Deque<Target> fresh = untouched.get(p);
    return fresh.isEmpty() ? pool.get(p).get(fallback % pool.get(p).size()) : fresh.poll();
  }

  String service() {
    return stack.service();
  }

  @Override
  public void close() {
    stack.close();
  }
}
