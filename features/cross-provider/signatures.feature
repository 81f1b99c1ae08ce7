@cross-provider
Feature: Only callbacks signed by the provider change a message
  Twilio, Meta and Viber each sign their callbacks. A callback with a missing or wrong signature is refused
  with 401 and changes nothing: no history event, no HubSpot event, updated_at unchanged.

  @i12
  Scenario Outline: I12 - a <provider> delivered with a <signature> signature is refused
    Given a <provider> message whose provider plays this script:
      """
      description: I12 - the only delivery report is signed <signature>
      send:
        respond: accept
      callbacks:
        - at: 2s
          status: delivered
          signature: <signature>
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows SENT
    And every badly signed callback was refused with 401
    And the history records 0 callback reports
    And HubSpot's timeline shows "UNKNOWN, SENT"
    And a forged "failed" callback for the message is refused and changes nothing

    Examples:
      | provider | signature |
      | SMS      | invalid   |
      | WhatsApp | invalid   |
      | WhatsApp | missing   |
      | Viber    | missing   |
