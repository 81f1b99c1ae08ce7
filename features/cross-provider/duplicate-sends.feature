@cross-provider
Feature: A send the provider accepted though it answered with an error stays one message
  A provider may create the message although its send answer says otherwise (a 5xx). The service retries the
  5xx, the retry is accepted too, and the provider now holds two messages for one of ours, each reporting on its
  own. The message keeps the first provider id it learned and lists the others; the reports of both find it
  through our own id echoed back (Twilio's StatusCallback query, WhatsApp's biz_opaque_callback_data) and go
  through the status engine, and the history says which report revealed the duplicate send. Viber echoes
  nothing of ours in its receipts: the first token's receipts stay orphans, and the message follows the second.

  @d4
  Scenario Outline: D4 - <provider> answers the first send 500 though it created the message, and accepts the retry
    Given a <provider> message whose provider plays "<scenario>"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the provider made 2 messages of it, and the API names <named> of their ids
    And every report acknowledged with 2xx is in the history

    Examples:
      | provider | scenario                               | named |
      | SMS      | twilio-d4-server-error-but-accepted    | 2     |
      | WhatsApp | whatsapp-d4-server-error-but-accepted  | 2     |
      | Viber    | viber-d4-server-error-but-accepted     | 1     |
