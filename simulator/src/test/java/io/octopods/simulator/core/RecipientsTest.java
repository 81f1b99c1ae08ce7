package io.octopods.simulator.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecipientsTest {
  @Test
  void normalisesToE164WithPlus() {
    assertThat(Recipients.normalise("15551230001")).isEqualTo("+15551230001");
    assertThat(Recipients.normalise("+15551230001")).isEqualTo("+15551230001");
    assertThat(Recipients.normalise("whatsapp:+15551230001")).isEqualTo("+15551230001");
    assertThat(Recipients.normalise(" +15551230001 ")).isEqualTo("+15551230001");
  }

  @Test
  void keepsAViberSubscriberIdAsItIs() {
    assertThat(Recipients.normalise("01234567890A=")).isEqualTo("01234567890A=");
  }
}
