@cross-provider
Feature: No acknowledged report is lost
  Every authentic callback that got a 2xx answer is in the message's history: duplicates, stale and unmapped
  reports included, one event per status item. What happens across a crash and restart of the service is
  checked elsewhere (issue #6); here the scenarios check that no acknowledged report is missing.

  @i11
  Scenario Outline: I11 - every report <provider> got a 2xx for is in the history (<scenario>)
    Given a <provider> message whose provider plays "<scenario>"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every report acknowledged with 2xx is in the history

    Examples:
      | provider | scenario                                     |
      | SMS      | twilio-h1-accepted-queued-sending            |
      | WhatsApp | whatsapp-d2-foreign-ids-in-batch             |
      | Viber    | viber-j5-bad-signature                       |
