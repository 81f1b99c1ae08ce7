@viber
Feature: Viber resends and per-device receipts
  Viber resends a callback whose answer takes longer than about 5 seconds, and sends one "delivered" per
  device of the user. The service answers fast, and every copy is harmless.

  @c4 @i9
  Scenario: C4 - the same delivered four times, answered fast
    Given a Viber message whose provider plays "viber-c4-resent-after-slow-answer"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the history records 4 "delivered" reports

  @c4
  Scenario: C4 - resends spread over more than a minute
    Given a Viber message whose provider plays "viber-c4-resent-after-slow-answer-spaced"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 5 "delivered" reports
    And updated_at is the moment the "delivered" report was applied

  @c5
  Scenario: C5 - one delivered per device
    Given a Viber message whose provider plays "viber-c5-delivered-per-device"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "duplicate"
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"

  @c6
  Scenario: C6 - delivered and seen at the same instant are two reports
    Given a Viber message whose provider plays "viber-c6-distinct-reports-same-instant"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 2 callback reports
