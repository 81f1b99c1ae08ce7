@cross-provider
Feature: A callback that overtakes the send answer is not lost
  A provider may report on a message before its send call has returned the provider's id. The report is
  matched through our own id echoed back (Twilio's StatusCallback query, WhatsApp's biz_opaque_callback_data),
  or kept and applied as soon as the id is known (Viber, or WhatsApp without the echo).

  @i15 @d1
  Scenario Outline: I15 - <provider> reports delivered while the send call is still open
    Given a <provider> message whose provider plays this script:
      """
      description: I15 - the send answers after 2 s, delivered comes at 1 s
      send:
        respond: accept
        delay: 2s
      callbacks:
        - at: 1s
          status: delivered
      """
    When the message is sent and the provider reports within "1s" before it answers the send
    Then a callback that came before the send answer was applied
    And every surface shows DELIVERED
    And every report acknowledged with 2xx is in the history

    Examples:
      | provider |
      | SMS      |
      | WhatsApp |
      | Viber    |

  @d1 @i15
  Scenario: D1 - WhatsApp without our id echoed: the early reports wait for the wamid
    Given a WhatsApp message whose provider plays "whatsapp-d1-callback-before-send-response-no-callback-data"
    When the message is sent and the provider reports within "2s" before it answers the send
    Then a callback that came before the send answer was applied
    And every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED, READ"
