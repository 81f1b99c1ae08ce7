@viber
Feature: Viber failures
  Viber answers a send with HTTP 200 and a status: 0 is accepted, 12 is throttled, anything else refuses the
  message. An accepted message may still fail or expire later.

  @f8
  Scenario: F8 - the send is refused: the user is not subscribed (status 6)
    Given a Viber message whose provider plays "viber-f8-send-refused-not-subscribed"
    When the message is sent
    Then every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, FAILED"

  @f8
  Scenario: F8 - accepted, then a failed callback
    Given a Viber message whose provider plays "viber-f8-failed-after-accepted"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's newest event carries the API's status, time and failure reason

  @f8
  Scenario: F8 - accepted, then expired a day later
    Given a Viber message whose provider plays "viber-f8-expired-after-accepted"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "expired" report as "applied"

  @g1
  Scenario: G1 - status 12 twice, then accepted
    Given a Viber message whose provider plays "viber-g1-throttled-then-accepted"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the provider received the send 3 times

  @g1
  Scenario: G1 - status 12 for ever
    Given a Viber message whose provider plays "viber-g1-throttled-forever"
    When the message is sent
    Then every surface shows what the scenario expects
    And the failure reason has code "handoff_exhausted"

  @i8 @i4
  Scenario: I8 - delivered, then failed from another device: the failure is a conflict
    Given a Viber message whose provider plays this script:
      """
      description: I8 - Viber delivered, then failed for the same token
      send:
        respond: accept
      callbacks:
        - at: 2s
          status: delivered
        - at: 3s
          status: failed
          error: "Receiver is not a Viber user"
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the history keeps the "failed" report as "conflict"
