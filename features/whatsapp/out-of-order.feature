@whatsapp
Feature: WhatsApp reports that arrive out of order
  Meta sends its status webhooks without any order guarantee. Whatever the order, a message
  never goes back to a lower status, and every surface shows the same thing.

  @a2 @i2
  Scenario: A2 - read overtakes delivered, then delivered comes twice
    Given a WhatsApp message whose provider plays "whatsapp-a2-read-before-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows READ
    And the history keeps the "delivered" report as "stale"
    And every report acknowledged with 2xx is in the history

  @a4 @i7
  Scenario: A4 - a reordering written right here in the feature
    Given a WhatsApp message whose provider plays this script:
      """
      send:
        respond: accept
      callbacks:
        - at: 1s
          status: delivered
        - at: 2s
          status: sent
        - at: 3s
          status: delivered
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And the history keeps the "sent" report as "stale"
    And the history keeps the "delivered" report as "duplicate"
    And Reach lists the steps "Queued, Sent, Delivered"

  @a3
  Scenario: A3 - read with no delivered ever
    Meta skips "delivered" when delivery and reading happen together: the message goes from SENT to READ,
    and Reach shows the Delivered step as implied.
    Given a WhatsApp message whose provider plays "whatsapp-a3-read-without-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And Reach lists the steps "Queued, Sent, Delivered (implied), Read"

  @a4
  Scenario: A4 - the first and only report is delivered
    Given a WhatsApp message whose provider plays "whatsapp-a4-delivered-without-sent"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"

  @a7 @i7
  Scenario: A7 - read, delivered and sent with the same timestamp are ordered by rank
    Given a WhatsApp message whose provider plays "whatsapp-a7-timestamp-ties"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "stale"
    And the history keeps the "sent" report as "stale"

  @k2 @i2
  Scenario: K2 - replays with old timestamps never override the rank
    Given a WhatsApp message whose provider plays "whatsapp-k2-replayed-old-timestamp"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "sent" report as "stale"
    And a "sent" report keeps the provider time "2023-11-14T22:13:20Z"

  @k2
  Scenario: K2 - a newer timestamp on a lower status changes nothing
    Given a WhatsApp message whose provider plays "whatsapp-k2-newer-timestamp-lower-rank"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And a "sent" report keeps the provider time "2100-01-01T00:00:00Z"
