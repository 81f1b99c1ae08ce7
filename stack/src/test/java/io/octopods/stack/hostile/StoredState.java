package io.octopods.stack.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.stack.support.StackUnderTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the service holds about the messages a callback names (their history sizes and public
 * statuses, with {@code updated_at}), and its orphans ({@code /health pending.orphans}): taken
 * before and after a callback.
 */
record StoredState(
    long orphans, Map<String, Integer> historySizes, Map<String, JsonNode> statuses) {
  static StoredState of(
      StackUnderTest stack, WebhookProvider p, List<WebhookTargets.Target> named) {
    Map<String, Integer> sizes = new LinkedHashMap<>();
    Map<String, JsonNode> statuses = new LinkedHashMap<>();
    for (WebhookTargets.Target t : named) {
      sizes.put(t.messageId(), stack.history(p.channel, t.messageId()).size());
      statuses.put(t.messageId(), stack.message(p.channel, t.messageId()).path("message_status"));
    }
    return new StoredState(stack.orphans(), sizes, statuses);
  }

  /** How many history events and orphans were added since this state. */
  long growth(StoredState after) {
    long g = after.orphans - orphans;
    for (Map.Entry<String, Integer> e : historySizes.entrySet()) {
      g += after.historySizes.get(e.getKey()) - e.getValue();
    }
    return g;
  }
}
