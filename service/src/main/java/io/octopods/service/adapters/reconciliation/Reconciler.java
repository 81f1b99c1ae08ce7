package io.octopods.service.adapters.reconciliation;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import java.time.Duration;

/**
 * Asks one provider about one message and applies its answer as a report with source {@code
 * reconciliation} (through {@code ReportIntake}, so the engine's rules hold). Only a provider that
 * can be asked has one: Twilio (WhatsApp and Viber have no look-up, status-model.md section 4).
 */
public interface Reconciler {
  /** The channel whose messages this reconciler can look up. */
  Channel channel();

  /**
   * Looks the message up and applies what the provider says. Never re-sends. A provider that cannot
   * be reached or does not know the message is an outcome, not an exception; an exception means the
   * store failed, and the check is taken again after its lease.
   *
   * @return what the check found, in a sentence
   */
  String check(MessageRecord message);

  /**
   * The longest one check can take (every HTTP call it may make, each up to the provider timeout,
   * twice).
   */
  Duration longestCheck();
}
