@whatsapp
Feature: WhatsApp words and payload shapes the service did not expect
  Meta adds words (played, warning, words from the future), adds or removes nested fields between versions,
  and signs the raw bytes of a body written with escaped unicode. The service maps what it knows, keeps the
  rest as unmapped, parses only what it needs, and verifies the signature over the raw body.

  @h2
  Scenario: H2 - a voice message played counts as READ
    Given a WhatsApp message whose provider plays "whatsapp-h2-played"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "played" report as "applied"

  @h2
  Scenario: H2 - warning and a word from the future are unmapped
    Given a WhatsApp message whose provider plays this script:
      """
      description: H2 - a warning, then a word no version of the service knows, then read
      send:
        respond: accept
      callbacks:
        - at: 500ms
          status: sent
        - at: 2s
          status: delivered
        - at: 3s
          status: warning
        - at: 4s
          status: future_status
        - at: 5s
          status: read
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows READ
    And the history keeps the "warning" report as "unmapped"
    And the history keeps the "future_status" report as "unmapped"
    And every callback was answered 200 at the first attempt

  @h3
  Scenario: H3 - extra nested fields and a group recipient
    Given a WhatsApp message whose provider plays "whatsapp-h3-extra-fields"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects

  @h3
  Scenario: H3 - no pricing, no conversation, no recipient_id
    Given a WhatsApp message whose provider plays "whatsapp-h3-missing-nested-fields"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects

  @j4
  Scenario: J4 - escaped unicode and \/ in the signed raw body
    Given a WhatsApp message whose provider plays "whatsapp-j4-escaped-unicode-raw-body"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt

  @j4
  Scenario: J4 - a failed report with escaped unicode in its error details
    Given a WhatsApp message whose provider plays "whatsapp-j4-escaped-unicode-failed-details"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the failure reason has code "131026"
