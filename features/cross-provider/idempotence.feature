@cross-provider
Feature: The same report twice changes nothing the second time
  Providers repeat callbacks: retries, several devices, replays hours later. Each copy is recorded as a
  duplicate history event; the status, updated_at and HubSpot's timeline stay as they were.

  @i9 @c1 @c5
  Scenario Outline: I9 - <provider> repeats delivered three times at once and again an hour later
    Given a <provider> message whose provider plays this script:
      """
      description: I9 - delivered three times in a row, and once more an hour later
      send:
        respond: accept
      callbacks:
        - at: 2s
          status: delivered
          repeat: 3
        - at: 1h
          status: delivered
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the history records 4 "delivered" reports
    And the history keeps the "delivered" report as "duplicate"
    And updated_at is the moment the "delivered" report was applied
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"

    Examples:
      | provider |
      | SMS      |
      | WhatsApp |
      | Viber    |

  @c6 @i9
  Scenario: C6 - the same status with another error code is recorded, not dropped
    De-duplication may only decide whether a report is applied; the second "undelivered" (30005) is not
    applied, but its history event and its error code are kept.
    Given an SMS message whose provider plays "twilio-c6-same-status-different-error-codes"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 2 "undelivered" reports
    And the history keeps the error code "30005" on the "undelivered" report
    And the history keeps the "undelivered" report as "duplicate"

  @c6
  Scenario: C6 - sent and delivered for one sid in the same second are two transitions
    Given an SMS message whose provider plays "twilio-c6-distinct-reports-same-sid"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 2 callback reports
    And the history keeps the "delivered" report as "applied"
