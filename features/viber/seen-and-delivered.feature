@viber
Feature: Viber's seen and delivered
  Viber reports "delivered" per device and one "seen" for all unread messages of a user. A "seen" proves
  delivery of its own message; it is never READ, which is WhatsApp's alone.

  @a6 @i5
  Scenario: A6 - seen with no delivered proves delivery, never READ
    Given a Viber message whose provider plays "viber-a6-seen-covers-delivery"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "seen" report as "applied"
    And Reach lists the steps "Queued, Sent, Delivered"

  @a6 @i5
  Scenario: A6 - seen before delivered
    Given a Viber message whose provider plays "viber-a6-seen-before-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "duplicate"

  @a6 @i5
  Scenario: I5 - the usual seen after delivered changes nothing
    Given a Viber message whose provider behaves as usual
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the history keeps the "seen" report as "channel"
    And Intercom's Inbox shows "Delivered" with the icon "check-double"

  @a7
  Scenario: A7 - timestamps that disagree with the arrival order
    Given a Viber message whose provider plays "viber-a7-timestamps-disagree-with-arrival"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And a "seen" report keeps the provider time "2016-03-12T06:29:59Z"

  @k2
  Scenario: K2 - milliseconds normalised, and an old replayed time never overrides the rank
    Given a Viber message whose provider plays "viber-k2-replayed-old-timestamp"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And a "delivered" report keeps the provider time "2023-11-14T22:13:20Z"
