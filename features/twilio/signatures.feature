@twilio
Feature: Twilio's signatures behind a proxy
  Twilio signs each callback over the URL it called. The service checks the signature against its configured
  public URL, whatever host, scheme or port it sees itself, and accepts the URL signed with or without the port.

  @j1 @i12
  Scenario: J1 - behind a proxy that changes the host name, the signature still matches the public URL
    Given Twilio's callbacks reach the service through a proxy that changes the host name
    And an SMS message whose provider plays "twilio-j1-signed-for-public-url"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every callback was answered 200 at the first attempt

  @j1 @i12
  Scenario: J1 - a callback signed with another secret is refused and changes nothing
    Given an SMS message whose provider plays "twilio-j1-wrong-secret"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And every badly signed callback was refused with 401
    And the history records 1 callback report

  @j2
  Scenario: J2 - signed over the URL with the port toggled
    Given an SMS message whose provider plays "twilio-j2-port-variant-signature"
    When the message is sent
    And the provider has played every callback
    Then every surface shows what the scenario expects
    And the history keeps the "delivered" report as "applied"
