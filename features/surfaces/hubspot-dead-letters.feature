@surfaces
Feature: An event HubSpot refuses for good waits as a dead letter, holds nothing back, and is pushed when retried
  HubSpot may refuse a timeline event for good (400: the event is not valid, 404: the contact or template is not
  there). Such an event is never dropped: it is kept as a dead letter with HubSpot's answer, recorded in the
  message's history, counted in /health and listed by the public API, while the message's later events are pushed
  in their turn. Queued again, it reaches HubSpot with the time of its status change, so the timeline reads in
  status order. A message with a dead letter is exempt from HubSpot's agreement (I10): its current status is on
  HubSpot's timeline or among its dead letters.

  @i10
  Scenario Outline: I10 - HubSpot refuses a contact's first events with <refusal>; they wait as dead letters
    Given a <provider> message whose provider behaves as usual
    And HubSpot refuses every event for the message's contact with <refusal>
    When the message is sent
    Then HubSpot's dead letters of the message are "UNKNOWN, SENT", each answered <refusal>
    And the message's history records each of its HubSpot dead letters
    When HubSpot takes the contact's events again
    And the provider has played every callback
    Then every surface shows DELIVERED
    And HubSpot's timeline shows "DELIVERED"
    When every HubSpot dead letter of the workspace is queued again
    Then no HubSpot dead letter of the message is left
    And every surface shows DELIVERED
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"
    And HubSpot's newest event carries the API's status, time and failure reason

    Examples:
      | provider | refusal |
      | Twilio   | 400     |
      | Viber    | 404     |
