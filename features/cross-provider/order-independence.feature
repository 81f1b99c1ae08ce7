@cross-provider
Feature: The arrival order of agreeing reports does not matter
  For reports that agree on one outcome, the final status is the highest-ranked among them, whatever their
  arrival order, duplication or delay; the lower ones that come late are kept in the history.

  @i7 @i2
  Scenario Outline: I7 - <provider> reports <first>, <second>, <third> and ends <final>
    Given a <provider> message whose provider plays this script:
      """
      description: I7 - <first>, <second>, <third>, one second apart
      send:
        respond: accept
      callbacks:
        - at: 1s
          status: <first>
        - at: 2s
          status: <second>
        - at: 3s
          status: <third>
      """
    When the message is sent
    And the provider has played every callback
    Then every surface shows <final>
    And the history keeps the "<third>" report as "<kept as>"

    Examples:
      | provider | first     | second    | third     | final     | kept as   |
      | SMS      | delivered | sent      | queued    | DELIVERED | stale     |
      | WhatsApp | read      | delivered | sent      | READ      | stale     |
      | WhatsApp | deleted   | read      | delivered | DELETED   | stale     |
      | Viber    | seen      | delivered | delivered | DELIVERED | duplicate |
