package io.octopods.service.adapters.surfaces.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Channel;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the surfaces write channels and times: in UTC whatever the machine's zone, in English. */
class SurfaceTextTest {
  private static final Instant AT = Instant.parse("2026-11-06T09:05:02.007Z");

  @Test
  void theJsonReadsWriteRfc3339WithMillisecondsAndZ() {
    assertThat(SurfaceText.rfc3339(AT)).isEqualTo("2026-11-06T09:05:02.007Z");
    assertThat(SurfaceText.rfc3339(Instant.parse("2026-11-26T10:00:00Z"))).isEqualTo("2026-11-26T10:00:00.000Z");
  }

  @Test
  void aCanvasWritesTimesForPeople() {
    assertThat(SurfaceText.shown(AT)).isEqualTo("6 Nov 2026, 09:05:02 UTC");
    assertThat(SurfaceText.step(AT)).isEqualTo("6 Nov 09:05:02 UTC");
    assertThat(SurfaceText.brief(AT)).isEqualTo("6 Nov 09:05 UTC");
  }

  @ParameterizedTest
  @CsvSource({"SMS, SMS", "WHATSAPP, WhatsApp", "VIBER, Viber"})
  void eachChannelHasItsNameForPeople(Channel channel, String name) {
    assertThat(SurfaceText.channel(channel)).isEqualTo(name);
    assertThat(SurfaceText.title(channel, "+15551230001")).isEqualTo(name + " to +15551230001");
  }
}
