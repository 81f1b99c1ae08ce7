@surfaces
Feature: HubSpot's timeline follows every change of a message's public status
  HubSpot timeline events cannot be edited, so the service pushes one event per change of the public status,
  the first (UNKNOWN) at creation. Reports that change nothing push nothing, and the newest event shows the
  current status, the moment it was reached, and the failure reason.

  @i10 @i14
  Scenario: I10 - one event per change, none for the reports that changed nothing
    Given a WhatsApp message whose provider plays "whatsapp-k2-replayed-old-timestamp"
    When the message is sent
    And the provider has played every callback
    Then every surface shows READ
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED, READ"
    And HubSpot's newest event carries the API's status, time and failure reason

  @i14
  Scenario: I14 - a late stale report moves neither updated_at nor HubSpot
    Given an SMS message whose provider plays this script:
      """
      description: I14 - delivered, then a stale sent and a duplicate delivered a day later
      send:
        respond: accept
      callbacks:
        - at: 500ms
          status: sent
        - at: 2s
          status: delivered
        - at: 1d
          status: sent
        - at: 1d
          status: delivered
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows DELIVERED
    And updated_at is the moment the "delivered" report was applied
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"
    And HubSpot's newest event carries the API's status, time and failure reason

  @i10
  Scenario: I10 - a failure reaches HubSpot with its code and title
    Given an SMS message whose provider plays "twilio-a5-first-callback-failed"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And HubSpot's timeline shows "UNKNOWN, SENT, FAILED"
    And HubSpot's newest event carries the API's status, time and failure reason
