@whatsapp
Feature: WhatsApp outcomes that disagree
  With several devices Meta may report both delivered and failed for one message, and a deleted message may
  still get a late read. The first outcome wins, the other is kept in the history as a conflict, and
  DELETED stays.

  @b1 @i8
  Scenario: B1 - delivered, then failed: the failure is a conflict
    Given a WhatsApp message whose provider plays "whatsapp-b1-delivered-and-failed"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "failed" report as "conflict"
    And the history keeps the error code "131026" on the "failed" report
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED"

  @b1 @i4 @i8
  Scenario: B1 - failed, then delivered: FAILED never changes
    Given a WhatsApp message whose provider plays "whatsapp-b1-delivered-and-failed-reversed"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "conflict"
    And HubSpot's timeline shows "UNKNOWN, SENT, FAILED"

  @b3
  Scenario: B3 - deleted after read, then a late read
    Given a WhatsApp message whose provider plays "whatsapp-b3-deleted-after-read"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "read" report as "stale"
    And HubSpot's timeline shows "UNKNOWN, SENT, DELIVERED, READ, DELETED"

  @b3 @i6
  Scenario: I6 - deleted before any delivery report implies delivery
    Given a WhatsApp message whose provider plays "whatsapp-b3-deleted-before-delivered"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "deleted" report as "applied"
    And the history keeps the "delivered" report as "stale"
