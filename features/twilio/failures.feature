@twilio
Feature: Twilio failures, at the send and in callbacks
  A failure keeps the first reason it was given, with Twilio's error code; a failure without a code says
  so; a send that is throttled is retried with back-off and fails only when it never passes.

  @b2 @i8
  Scenario: B2 - a long message is undelivered and delivered: the first outcome wins
    Given an SMS message whose provider plays "twilio-b2-undelivered-and-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the failure reason has code "30008"
    And the history keeps the "delivered" report as "conflict"

  @b2 @i4
  Scenario: B2 - delivered first: the later undelivered is a conflict that keeps its error code
    Given an SMS message whose provider plays "twilio-b2-undelivered-and-delivered-reversed"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "undelivered" report as "conflict"
    And the history keeps the error code "30008" on the "undelivered" report

  @f4
  Scenario: F4 - the recipient unsubscribed: the send is refused with 21610
    Given an SMS message whose provider plays "twilio-f4-unsubscribed-21610-on-send"
    When the message is sent
    Then every surface shows what the scenario expects
    And the failure reason has code "21610"
    And HubSpot's timeline shows "UNKNOWN, FAILED"
    And Reach lists the steps "Queued, Failed"

  @f6
  Scenario: F6 - failed without an error code
    Given an SMS message whose provider plays "twilio-f6-failed-without-error-code"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the failure reason has no code and reads "no code given"

  @f6
  Scenario: F6 - undelivered with an empty ErrorCode
    Given an SMS message whose provider plays this script:
      """
      description: F6 - undelivered with ErrorCode present but empty
      send:
        respond: accept
      callbacks:
        - at: 500ms
          status: sent
        - at: 2s
          status: undelivered
          fields:
            ErrorCode: ""
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows FAILED
    And the failure reason has no code and reads "no code given"

  @g1
  Scenario: G1 - throttled with 20429, then accepted
    Given an SMS message whose provider plays "twilio-g1-throttled-then-accepted"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the provider received the send 2 times

  @g1
  Scenario: G1 - throttled for ever: FAILED once the retries are spent
    Given an SMS message whose provider plays "twilio-g1-throttled-forever"
    When the message is sent
    Then every surface shows what the scenario expects
    And the failure reason has code "handoff_exhausted"
