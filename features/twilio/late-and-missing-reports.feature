@twilio
Feature: Twilio reports that come late, out of order, or never
  Twilio sends no callback for the first states of a message, may send a lower status after a final one in
  the same second, may send its final report days later, or not at all for some carriers. A message keeps
  the best status it reached, and a message without a final report is looked up by the reconciliation.

  @a1 @i3
  Scenario: A1 - sent arrives in the same second after delivered and is kept as stale
    The race of two workers on the same message (atomic compare-and-set) is covered by the service's
    PostgreSQL integration test; here the late "sent" must not take the message back.
    Given an SMS message whose provider plays "twilio-a1-sent-after-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "applied"
    And the history keeps the "sent" report as "stale"
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"

  @a1 @i4
  Scenario: A1 - sent after undelivered does not reopen a failed message
    Given an SMS message whose provider plays "twilio-a1-sent-after-undelivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "sent" report as "stale"

  @a5
  Scenario: A5 - the first and only callback is already a failure
    Twilio sends no callback for queued or accepted: the message is SENT from the send answer, and a
    terminal report may be the first one that arrives.
    Given an SMS message whose provider plays "twilio-a5-first-callback-undelivered"
    When the message is sent
    Then every surface shows SENT
    When the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, SENT, FAILED"

  @a5
  Scenario: A5 - the first and only callback is delivered
    Given an SMS message whose provider plays "twilio-a5-first-callback-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects

  @e1
  Scenario: E1 - the final report is lost and the reconciliation asks Twilio
    Twilio changed the message to delivered but the callback never came. The service's reconciliation
    fetches the message from Twilio after a while (OCTOPODS_RECONCILE_AFTER, 1 s on the local stack);
    against a target whose reconciliation is slower, this scenario is skipped with the reason.
    Given an SMS message whose provider plays "twilio-e1-final-report-dropped"
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the reconciliation found "delivered" and applied it

  @e1 @i10
  Scenario: E1 - the send timed out and every report is lost: the reconciliation finds the message by its recipient
    The send call timed out, so the service never learned Twilio's SID, and no callback arrives. The message is not
    sent again; the reconciliation lists the recipient's messages sent around that time and applies what Twilio
    says. Written as a script in the scenario format, right here.
    Given an SMS message whose provider plays this script:
      """
      expect:
        status: DELIVERED
        needs: reconciliation
      send:
        respond: timeout
        delay: 30s
      callbacks:
        - at: 1s
          status: sent
          drop: true
        - at: 3s
          status: delivered
          drop: true
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the reconciliation found "delivered" and applied it
    And the provider received the send 1 time

  @e1
  Scenario: E1 - no final report at all: the message stays SENT
    Given an SMS message whose provider plays "twilio-e1-no-final-report"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And polling the message is advised to wait 15 seconds

  @e2
  Scenario: E2 - a final report three days later is still applied
    Given an SMS message whose provider plays "twilio-e2-final-report-days-later-undelivered"
    When the message is sent
    And the provider's clock moves on by "P1D"
    Then every surface shows SENT
    When the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, SENT, FAILED"
