package io.octopods.service.application.ports;

import io.octopods.service.application.MessageRecord;
import java.util.List;

/**
 * The reads the Intercom surfaces need beyond {@link MessageStore}: a workspace's messages to one
 * contact, found by the contact's email or by phone (api.md, "Surfaces"), newest first ({@code
 * created_at}, then {@code message_id}).
 */
public interface SurfaceQueries {
  /** At most this many messages per query. */
  int MAX_LIMIT = 100;

  /**
   * The workspace's messages whose {@code contact.email} is {@code email}, compared without regard
   * to case, newest first, at most {@code limit} (1 to {@value #MAX_LIMIT}).
   */
  List<MessageRecord> byContactEmail(String workspace, String email, int limit);

  /**
   * The workspace's messages sent to {@code phone} (the E.164 {@code to}, compared exactly), newest
   * first, at most {@code limit} (1 to {@value #MAX_LIMIT}).
   */
  List<MessageRecord> byRecipient(String workspace, String phone, int limit);
}
