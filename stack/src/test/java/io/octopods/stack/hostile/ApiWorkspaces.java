package io.octopods.stack.hostile;

import io.octopods.stack.support.StackUnderTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real service (StackUnderTest: real HTTP, embedded H2; keys {@code API_KEY} of workspace acme
 * and {@code OTHER_KEY} of workspace other) and, per channel, one message of each workspace: ours
 * and theirs.
 */
final class ApiWorkspaces implements AutoCloseable {
  static final List<String> CHANNELS = List.of("sms", "whatsapp", "viber");

  final StackUnderTest stack;

  /** Per channel: our message {id, to} and theirs (workspace other). */
  private final Map<String, String[]> ours = new LinkedHashMap<>();

  private final Map<String, String[]> theirs = new LinkedHashMap<>();

  private ApiWorkspaces(StackUnderTest stack) {
    this.stack = stack;
  }

  /** Starts the stack and sends one message per channel from each workspace. */
  static ApiWorkspaces start() {
    ApiWorkspaces w = new ApiWorkspaces(StackUnderTest.start());
    try {
      for (String channel : CHANNELS) {
        String ourTo = StackUnderTest.freshRecipient();
        w.ours.put(
            channel,
            new String[] {w.stack.send(channel, ourTo).path("message_id").asText(), ourTo});
        String theirTo = StackUnderTest.freshRecipient();
        w.theirs.put(
            channel,
            new String[] {
              w.stack.send(channel, theirTo, StackUnderTest.OTHER_KEY).path("message_id").asText(),
              theirTo
            });
      }
      return w;
    } catch (RuntimeException | AssertionError e) {
      w.close();
      throw e;
    }
  }

  /** Our message on {@code channel}: {id, to}. */
  String[] ours(String channel) {
    return ours.get(channel);
  }

  /** The other workspace's message on {@code channel}: {id, to}. */
  String[] theirs(String channel) {
    return theirs.get(channel);
  }

  /** The other workspace's messages, every channel: {id, to} each. */
  List<String[]> allTheirs() {
    return List.copyOf(theirs.values());
  }

  String service() {
    return stack.service();
  }

  @Override
  public void close() {
    stack.close();
  }
}
