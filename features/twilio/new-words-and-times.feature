@twilio
Feature: Twilio's words and times
  Twilio keeps adding status words (read on SMS, canceled, partially_delivered, scheduled) and gives SMS
  reports no usable event time. Every word is mapped per status-model.md or kept as unmapped, never a crash,
  and the order comes from the rank of the statuses, not from times.

  @h1 @i5
  Scenario: H1 - an SMS "read" is proof of delivery, never READ
    Given an SMS message whose provider plays "twilio-h1-read-on-sms"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "read" report as "channel"

  @h1 @i5
  Scenario: H1 - an SMS "read" without delivered delivers the message
    Given an SMS message whose provider plays "twilio-h1-read-on-sms-without-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "read" report as "applied"

  @h1
  Scenario: H1 - scheduled, then canceled
    Given an SMS message whose provider plays "twilio-h1-scheduled-then-canceled"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "canceled" report as "applied"

  @h1
  Scenario: H1 - partially_delivered and a word from the future are kept as unmapped
    Given an SMS message whose provider plays this script:
      """
      description: H1 - words this service does not know, then delivered
      send:
        respond: accept
      callbacks:
        - at: 500ms
          status: partially_delivered
        - at: 1s
          status: future_status
        - at: 2s
          status: delivered
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the history keeps the "partially_delivered" report as "unmapped"
    And the history keeps the "future_status" report as "unmapped"
    And every callback was answered 200 at the first attempt

  @h1
  Scenario: H1 - accepted, queued and sending all mean SENT
    Given an SMS message whose provider plays "twilio-h1-accepted-queued-sending"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "sending" report as "duplicate"

  @a7 @i7
  Scenario: A7 - no event time: delivered then sent is ordered by rank
    Given an SMS message whose provider plays "twilio-a7-no-event-time"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "sent" report as "stale"

  @k1
  Scenario: K1 - RawDlrDoneDate is kept raw, not used as the report's time
    Given an SMS message whose provider plays "twilio-k1-raw-dlr-done-date-carrier-offset"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And no report in the history carries a provider time
    And the history keeps the "sent" report as "stale"
