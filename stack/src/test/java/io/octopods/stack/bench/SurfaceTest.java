package io.octopods.stack.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Channel;
import org.junit.jupiter.api.Test;

class SurfaceTest {
  @Test
  void eachSurfaceShowsAPublicStatus() {
    assertThat(
            Surface.API.statusIn(
                "{\"message_id\":\"m\",\"message_status\":{\"message_status\":\"DELIVERED\","
                    + "\"terminal\":true}}"))
        .isEqualTo("DELIVERED");
    assertThat(
            Surface.INTERCOM.statusIn(
                "{\"delivery_status\":{\"label\":\"Send Attempted\",\"icon\":\"clock\"}}"))
        .isEqualTo("UNKNOWN");
    assertThat(Surface.INTERCOM.statusIn("{\"delivery_status\":{\"label\":\"Delivery Failed\"}}"))
        .isEqualTo("FAILED");
    assertThat(Surface.REACH.statusIn("{\"current\":\"Queued\",\"steps\":[{\"step\":\"Queued\"}]}"))
        .isEqualTo("UNKNOWN");
    assertThat(Surface.REACH.statusIn("{\"current\": \"Read\"}")).isEqualTo("READ");
    assertThat(Surface.API.statusIn("{\"title\":\"Not Found\"}")).isNull();
  }

  @Test
  void aLaterStatusShowsTheExpectedOneToo() {
    assertThat(Surface.shows("SENT", "SENT")).isTrue();
    assertThat(Surface.shows("SENT", "READ")).isTrue();
    assertThat(Surface.shows("DELIVERED", "SENT")).isFalse();
    assertThat(Surface.shows("DELIVERED", "FAILED")).isFalse();
    assertThat(Surface.shows("SENT", "UNKNOWN")).isFalse();
    assertThat(Surface.shows("SENT", null)).isFalse();
  }

  @Test
  void pathsFollowTheApi() {
    assertThat(Surface.API.path(Channel.SMS, "m1")).isEqualTo("/api/v1/sms/messages/m1");
    assertThat(Surface.REACH.path(Channel.VIBER, "m1"))
        .isEqualTo("/surfaces/reach/messages/m1/timeline");
  }
}
