@whatsapp
Feature: WhatsApp webhooks repeated, batched, and mixed with other things
  Meta repeats webhooks (also hours later), packs several statuses into one POST, mixes in ids we never
  sent and inbound messages, and retries a whole batch for days when it is not answered 200.

  @c1 @i9
  Scenario: C1 - the same webhook three times: each copy is a duplicate
    Given a WhatsApp message whose provider plays "whatsapp-c1-duplicate-webhook"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 3 "delivered" reports
    And the history keeps the "delivered" report as "duplicate"

  @c1
  Scenario: C1 - the same read again five hours later
    Given a WhatsApp message whose provider plays "whatsapp-c1-duplicate-webhook-hours-later"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 3 "read" reports
    And updated_at is the moment the "read" report was applied

  @c2 @d2
  Scenario: C2 - a batch with unknown ids and bad items is answered 200 once stored
    Given a WhatsApp message whose provider plays "whatsapp-c2-batch-with-unknown-and-bad-items"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the reports for ids we never sent are kept as orphans

  @c6
  Scenario: C6 - sent, delivered and read of one message in one batch are three transitions
    Given a WhatsApp message whose provider plays "whatsapp-c6-distinct-reports-one-batch"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "applied"
    And the history keeps the "read" report as "applied"

  @d2
  Scenario: D2 - ids we never sent, in other changes and entries of our batch
    Given a WhatsApp message whose provider plays "whatsapp-d2-foreign-ids-in-other-entries"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the reports for ids we never sent are kept as orphans
    And the history records 0 "failed" reports

  @l1
  Scenario: L1 - several entries in one POST, each handled on its own
    Given a WhatsApp message whose provider plays "whatsapp-l1-several-entries"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 3 callback reports

  @l1
  Scenario: L1 - several changes in one POST
    Given a WhatsApp message whose provider plays "whatsapp-l1-several-changes"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history records 3 callback reports

  @l2
  Scenario: L2 - an inbound message in the same change as our status is ignored
    Given a WhatsApp message whose provider plays "whatsapp-l2-inbound-message-same-change"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the history records 2 callback reports

  @l2
  Scenario: L2 - an inbound message in a change of its own is ignored
    Given a WhatsApp message whose provider plays "whatsapp-l2-inbound-message-separate-change"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt
    And the history records 2 callback reports
