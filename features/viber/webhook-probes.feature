@viber
Feature: What reaches the Viber webhook besides our receipts
  Unsigned GET probes and health checks, badly signed callbacks, Viber's own webhook check event, and
  receipts for messages we never sent. None of them changes a message; only signed receipts of ours do.

  @j5 @i12
  Scenario: J5 - unsigned probes get a 4xx and store nothing
    Given a Viber message whose provider behaves as usual
    When the message is sent
    And the provider has played every callback
    Then an unsigned GET probe to the Viber webhook gets a 4xx and nothing is stored
    And an unsigned empty POST to the Viber webhook is refused with 401 and nothing is stored
    And every surface shows DELIVERED

  @j5 @i12
  Scenario: J5 - an unsigned receipt is refused and the message stays SENT
    Given a Viber message whose provider plays "viber-j5-unsigned-callback"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every badly signed callback was refused with 401
    And the history records 0 callback reports

  @j5 @i12
  Scenario: J5 - a badly signed delivered is refused, the signed seen still delivers
    Given a Viber message whose provider plays "viber-j5-bad-signature"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every badly signed callback was refused with 401
    And the history keeps the "seen" report as "applied"

  @j5
  Scenario: J5 - Viber's signed webhook check event is answered 200 and ignored
    Given a Viber message whose provider plays "viber-j5-webhook-check-event"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the history records 1 callback report

  @d3
  Scenario: D3 - receipts for messages we did not send are kept as orphans, never applied
    Given a Viber message whose provider plays "viber-d3-only-foreign-receipts"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the reports for ids we never sent are kept as orphans
    And the history records 0 callback reports

  @d3
  Scenario: D3 - foreign receipts mixed with ours
    Given a Viber message whose provider plays "viber-d3-receipts-for-unknown-tokens"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the reports for ids we never sent are kept as orphans
    And the history records 1 callback report
