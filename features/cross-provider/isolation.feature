@cross-provider
Feature: A workspace sees and changes only its own messages
  Every API key belongs to one workspace. With another workspace's key a message does not exist at all
  (404, not 403): not on the API, its history, the Intercom and Reach reads, nor in the list.

  @i13
  Scenario Outline: I13 - a <status> <provider> message is invisible to another workspace
    Given a <provider> message whose provider plays "<scenario>"
    When the message is sent
    And the provider has played every callback
    Then every surface shows <status>
    And another workspace can neither see nor find the message

    Examples:
      | provider | scenario                         | status    |
      | SMS      | twilio-f4-unsubscribed-21610-on-send | FAILED |
      | WhatsApp | whatsapp-h2-played               | READ      |
      | Viber    | viber-f8-failed-after-accepted   | FAILED    |
