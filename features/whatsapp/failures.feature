@whatsapp
Feature: WhatsApp failures, at the send and in webhooks
  Meta may refuse a send and report the same error again in a failed webhook, fail an accepted message
  later (the 24-hour window), fail without any error, or throttle the sender.

  @f1 @i9
  Scenario: F1 - the same error on the send answer and in a failed webhook
    Given a WhatsApp message whose provider plays "whatsapp-f1-error-on-send-and-webhook"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "failed" report as "duplicate"
    And HubSpot's timeline shows "UNKNOWN, FAILED"

  @f2
  Scenario: F2 - accepted, then failed with 131047 (re-engagement window closed)
    Given a WhatsApp message whose provider plays "whatsapp-f2-failed-131047-after-accept"
    When the message is sent
    Then every surface shows SENT
    When the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's newest event carries the API's status, time and failure reason

  @f6
  Scenario: F6 - failed with an empty errors list
    Given a WhatsApp message whose provider plays "whatsapp-f6-failed-empty-errors-list"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the failure reason has no code and reads "no code given"

  @f6
  Scenario: F6 - failed with no errors field at all
    Given a WhatsApp message whose provider plays "whatsapp-f6-failed-without-errors"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the failure reason has no code and reads "no code given"

  @g1
  Scenario: G1 - throttled twice with 130429, then accepted
    Given a WhatsApp message whose provider plays "whatsapp-g1-throttled-then-accepted"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the provider received the send 3 times

  @g1
  Scenario: G1 - the pair rate limit 131056 never lifts
    Given a WhatsApp message whose provider plays "whatsapp-g1-pair-rate-limit-forever"
    When the message is sent
    Then every surface shows what the scenario expects
    And the failure reason has code "handoff_exhausted"
