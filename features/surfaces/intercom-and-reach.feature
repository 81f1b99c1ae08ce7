@surfaces
Feature: Intercom's Inbox and Reach show every status in their own words
  Every surface shows only the six statuses, each in its own vocabulary (status-model.md section 5):
  the Inbox's Delivery Status field, with an icon, and Reach's live timeline of steps.

  @i1
  Scenario Outline: I1 - <status> is "<label>" in the Inbox and "<step>" on Reach
    Given a <provider> message whose provider plays "<scenario>"
    When the message is sent
    And the provider has played every callback
    Then every surface shows <status>
    And Intercom's Inbox shows "<label>" with the icon "<icon>"
    And Reach's current step is "<step>"
    And Reach lists the steps "<steps>"

    Examples:
      | provider | scenario                          | status    | label           | icon         | step      | steps                                        |
      | SMS      | twilio-e1-no-final-report         | SENT      | Sent            | check        | Sent      | Queued, Sent                                 |
      | Viber    | viber-a6-delivered-never-seen     | DELIVERED | Delivered       | check-double | Delivered | Queued, Sent, Delivered                      |
      | WhatsApp | whatsapp-h3-missing-nested-fields | READ      | Read            | eye          | Read      | Queued, Sent, Delivered, Read                |
      | WhatsApp | whatsapp-f2-failed-131047-after-accept | FAILED | Delivery Failed | x-circle   | Failed    | Queued, Sent, Failed                         |
      | WhatsApp | whatsapp-b3-deleted-after-read    | DELETED   | Deleted         | trash        | Deleted   | Queued, Sent, Delivered, Read, Deleted       |

  @i1 @d1
  Scenario: I1 - a hand-off that timed out shows "Send Attempted" until a callback settles it
    The send call times out after the provider got it. The message is not sent again (the provider may have
    accepted it) and WhatsApp cannot be asked: it stays UNKNOWN until a callback carrying our id settles it.
    Given a WhatsApp message whose provider plays "whatsapp-d1-send-timeout-callback-settles"
    When the message is sent
    Then every surface shows UNKNOWN
    And Intercom's Inbox shows "Send Attempted" with the icon "clock"
    And Reach's current step is "Queued"
    And polling the message is advised to wait 10 seconds
    When the provider has played every callback
    Then every surface shows what the scenario expects
    And the provider received the send 1 time

  @i2 @a3
  Scenario: I2 - the surfaces move forward together while the reports come in
    Given a WhatsApp message whose provider plays "whatsapp-a3-read-without-delivered"
    When the message is sent
    Then every surface shows SENT
    And polling the message is advised to wait 15 seconds
    When the provider's clock moves on by "1s"
    Then every surface shows SENT
    When the provider has played every callback
    Then every surface shows READ
    And Reach lists the steps "Queued, Sent, Delivered (implied), Read"
    And polling the message is advised to stop
