package io.octopods.features.bench;

import io.octopods.service.domain.Channel;
import java.util.List;
import java.util.Map;

/**
 * One signed provider callback, ready to post: its path (with query), headers and body, the ids of the
 * reports it carries ({@code <provider id>:<word>:<attempt>}, which also travel inside the payload so the
 * history can be matched), and, when sampled for visibility, the message to poll and the least rank to wait for.
 */
record Callback(Channel channel, String path, Map<String, String> headers, byte[] body, List<String> reportKeys,
    Visible visible) {

  /** A sampled callback: poll {@code /api/v1/{channel}/messages/{messageId}} until a status of {@code rank} or more. */
  record Visible(String messageId, int rank) {}
}
