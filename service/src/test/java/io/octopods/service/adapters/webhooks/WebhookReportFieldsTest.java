package io.octopods.service.adapters.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.application.IncomingReport;
import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every webhook does to the fields of a report before it is stored: times, widths, NULs. */
class WebhookReportFieldsTest {
  @Test
  void secondsAndMillisecondsAreNormalisedPerProvider() {
    assertThat(ProviderTime.fromSeconds("1750030073")).contains(Instant.ofEpochSecond(1750030073L));
    assertThat(ProviderTime.fromSeconds(" 1750030073 "))
        .contains(Instant.ofEpochSecond(1750030073L));
    assertThat(ProviderTime.fromMillis("1457764197627"))
        .contains(Instant.ofEpochMilli(1457764197627L));
    assertThat(ProviderTime.fromMillis("1.457764197627E+12"))
        .contains(Instant.ofEpochMilli(1457764197627L));
  }

  @Test
  void theEdgesOfAReadableTimeAreTimes() {
    assertThat(ProviderTime.fromSeconds("0")).contains(Instant.EPOCH);
    assertThat(ProviderTime.fromSeconds("253402300799"))
        .as("the last second of 9999")
        .contains(Instant.parse("9999-12-31T23:59:59Z"));
    assertThat(ProviderTime.fromMillis("253402300799999"))
        .contains(Instant.parse("9999-12-31T23:59:59.999Z"));
    assertThat(ProviderTime.fromMillis("253402300800000")).as("year 10000").isEmpty();
    assertThat(ProviderTime.fromSeconds("0".repeat(30) + "1750030073"))
        .as("40 digits")
        .contains(Instant.ofEpochSecond(1750030073L));
    assertThat(ProviderTime.fromSeconds("0".repeat(31) + "1750030073")).as("41 digits").isEmpty();
  }

  @Test
  void anUnreadableOrImpossibleTimeIsNoTime() {
    assertThat(ProviderTime.fromSeconds(null)).isEmpty();
    assertThat(ProviderTime.fromSeconds("")).isEmpty();
    assertThat(ProviderTime.fromSeconds("not-a-timestamp")).isEmpty();
    assertThat(ProviderTime.fromSeconds("1750030073.5")).isEmpty();
    assertThat(ProviderTime.fromSeconds("-1")).isEmpty();
    assertThat(ProviderTime.fromSeconds("253402300800")).as("year 10000").isEmpty();
    assertThat(ProviderTime.fromSeconds("1e999999999")).isEmpty();
    assertThat(ProviderTime.fromMillis("9".repeat(1000))).isEmpty();
  }

  @Test
  void blankTextsAreMissingAndAMissingWordIsEmpty() {
    IncomingReport r =
        IncomingReports.of(Channel.WHATSAPP, " ", "", null, Optional.empty(), "  ", null, null);

    assertThat(r.providerMessageId()).isEmpty();
    assertThat(r.ourMessageId()).isEmpty();
    assertThat(r.providerWord()).isEmpty();
    assertThat(r.errorCode()).isEmpty();
    assertThat(r.errorTitle()).isEmpty();
    assertThat(r.rawPayload()).isEmpty();
  }

  @Test
  void textsAreCutToTheStoredWidthsWithoutSplittingACharacter() {
    String title = "a".repeat(1999) + "😀" + "b";
    IncomingReport r =
        IncomingReports.of(
            Channel.SMS,
            "x".repeat(300),
            "o".repeat(150),
            "w".repeat(250),
            Optional.empty(),
            "c".repeat(150),
            title,
            "raw");

    assertThat(r.providerMessageId().get()).hasSize(200);
    assertThat(r.ourMessageId().get()).hasSize(100);
    assertThat(r.providerWord()).hasSize(200);
    assertThat(r.errorCode().get()).hasSize(100);
    assertThat(r.errorTitle().get()).isEqualTo("a".repeat(1999));
  }

  @Test
  void nulCharactersAreReplacedEverywhere() {
    IncomingReport r =
        IncomingReports.of(
            Channel.VIBER,
            "1\u00002",
            null,
            "se\u0000en",
            Optional.empty(),
            null,
            "t\u0000t",
            "{\"a\":\"\u0000\"}");

    assertThat(r.providerMessageId()).contains("1\uFFFD2");
    assertThat(r.providerWord()).isEqualTo("se\uFFFDen");
    assertThat(r.errorTitle()).contains("t\uFFFDt");
    assertThat(r.rawPayload()).doesNotContain("\u0000");
  }

  @Test
  void textsCompareEqualOnlyWhenEqual() {
    assertThat(Hmac.sameText("abc", "abc")).isTrue();
    assertThat(Hmac.sameText("abc", "abd")).isFalse();
    assertThat(Hmac.sameText("abc", "abcd")).isFalse();
    assertThat(Hmac.sameText("abc", null)).isFalse();
    assertThat(Hmac.sameText(null, null)).isFalse();
  }
}
