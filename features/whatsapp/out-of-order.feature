@whatsapp
Feature: WhatsApp reports that arrive out of order
  Meta sends its status webhooks without any order guarantee. Whatever the order, a message
  never goes back to a lower status, and every surface shows the same thing.

  Scenario: A2 - read overtakes delivered, then delivered comes twice
    Given a WhatsApp message whose provider plays "whatsapp-a2-read-before-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows READ
    And the history keeps the "delivered" report as "stale"
    And every report acknowledged with 2xx is in the history

  Scenario: A reordering written right here in the feature
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
