package io.octopods.service.adapters.surfaces.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the surfaces write channels and times: in UTC whatever the machine's zone, in English. */
class ChannelAndTimeFormatsTest {
  private static final Instant AT = Instant.parse("2026-11-06T09:05:02.007Z");

  @Test
  void theJsonReadsWriteRfc3339WithMillisecondsAndZ() {
    assertThat(ChannelAndTimeFormats.rfc3339(AT)).isEqualTo("2026-11-06T09:05:02.007Z");
    assertThat(ChannelAndTimeFormats.rfc3339(Instant.parse("2026-11-26T10:00:00Z")))
        .isEqualTo("2026-11-26T10:00:00.000Z");
  }

  @Test
  void aCanvasWritesTimesForPeople() {
    assertThat(ChannelAndTimeFormats.shown(AT)).isEqualTo("6 Nov 2026, 09:05:02 UTC");
    assertThat(ChannelAndTimeFormats.step(AT)).isEqualTo("6 Nov 09:05:02 UTC");
    assertThat(ChannelAndTimeFormats.brief(AT)).isEqualTo("6 Nov 09:05 UTC");
  }

  @ParameterizedTest
  @CsvSource({"SMS, SMS", "WHATSAPP, WhatsApp", "VIBER, Viber"})
  void eachChannelHasItsNameForPeople(Channel channel, String name) {
    assertThat(ChannelAndTimeFormats.channel(channel)).isEqualTo(name);
    assertThat(ChannelAndTimeFormats.title(channel, "+15551230001"))
        .isEqualTo(name + " to +15551230001");
  }
}
