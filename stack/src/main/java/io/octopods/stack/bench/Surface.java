package io.octopods.stack.bench;

import io.octopods.contracts.StatusModel;
import io.octopods.service.domain.Channel;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's read surfaces a sampled message is watched on (api.md): the public API, Intercom's
 * JSON read and Reach's timeline, each with its path and the public status its answer shows (labels
 * mapped back with {@link StatusModel}).
 */
enum Surface {
  API("\"message_status\"\\s*:\\s*\"([A-Z]+)\""),
  INTERCOM("\"label\"\\s*:\\s*\"([^\"]+)\""),
  REACH("\"current\"\\s*:\\s*\"([^\"]+)\"");

  private final Pattern field;

  Surface(String field) {
    this.field = Pattern.compile(field);
  }

  String path(Channel channel, String messageId) {
    return switch (this) {
      case API -> "/api/v1/" + channel.path() + "/messages/" + messageId;
      case INTERCOM -> "/surfaces/intercom/messages/" + messageId;
      case REACH -> "/surfaces/reach/messages/" + messageId + "/timeline";
    };
  }

  /** The public status an answer of this surface shows; null when it shows none. */
  String statusIn(String body) {
    Matcher m = field.matcher(body);
    if (!m.find()) {
      return null;
    }
    return switch (this) {
      case API -> StatusModel.publicOf(m.group(1));
      case INTERCOM -> StatusModel.statusOfLabel(StatusModel.INBOX, m.group(1));
      case REACH -> StatusModel.statusOfLabel(StatusModel.REACH, m.group(1));
    };
  }

  /**
   * Does a surface showing {@code seen} show {@code expected} or a status that can only come after
   * it?
   */
  static boolean shows(String expected, String seen) {
    return seen != null && StatusModel.mayFollow(expected, seen);
  }
}
