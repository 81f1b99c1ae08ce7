@cross-provider
Feature: The usual life of a message, on every provider
  Scenario Outline: a <provider> message the provider handles as usual
    Given a <provider> message whose provider behaves as usual
    When the message is sent
    And the provider has played every callback
    Then every surface shows <final>
    And HubSpot's timeline shows "<hubspot>"
    And a forged "failed" callback for the message is refused and changes nothing

    @smoke
    Examples: the one the gate's quick run uses
      | provider | final     | hubspot                        |
      | WhatsApp | READ      | UNKNOWN, SENT, DELIVERED, READ |

    Examples:
      | provider | final     | hubspot                        |
      | Twilio   | DELIVERED | UNKNOWN, SENT, DELIVERED       |
      | Viber    | DELIVERED | UNKNOWN, SENT, DELIVERED       |
