package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The channels of status-model.md, section 1: path, provider, and what is no channel. */
class StatusEngineChannelsTest {

  @ParameterizedTest(name = "{0} -> {1}, provider {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
            sms      | SMS      | twilio
            whatsapp | WHATSAPP | whatsapp
            viber    | VIBER    | viber
            """)
  void fromPath(String path, Channel channel, String provider) {
    assertThat(Channel.fromPath(path)).contains(channel);
    assertThat(channel.provider()).isEqualTo(provider);
    assertThat(channel.path()).isEqualTo(path);
  }

  @ParameterizedTest(name = "''{0}'' is no channel")
  @NullAndEmptySource
  @ValueSource(strings = {"SMS", "twilio", "telegram", " sms"})
  void unknownPathIsNoChannel(String path) {
    assertThat(Channel.fromPath(path)).isEmpty();
  }
}
