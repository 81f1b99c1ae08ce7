package io.octopods.stack.bench;

import io.octopods.service.domain.Channel;
import java.util.List;
import java.util.Map;

/**
 * One signed provider callback, ready to post: its path (with query), headers and body, the ids of
 * the reports it carries ({@code <provider id>:<word>:<attempt>}, which also travel inside the
 * payload so the history can be matched), and, when sampled, the message to watch and the public
 * status to wait for.
 */
record Callback(
    Channel channel,
    String path,
    Map<String, String> headers,
    byte[] body,
    List<String> reportKeys,
    Visible visible) {

  /**
   * A sampled callback: watch the message until it shows {@code status} or one that can only come
   * after it.
   */
  record Visible(String messageId, String status) {}
}
