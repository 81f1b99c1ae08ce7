package io.octopods.service.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * How a report names itself in a failing property's message: the provider and the word exactly as
 * it came (quoted, so an empty or blank word is visible), or the hand-off outcome.
 */
class ReportTest {

  @Test
  void aProviderWordNamesItsProviderAndTheQuotedWord() {
    assertThat(Report.word(Channel.SMS, "delivered")).hasToString("twilio:'delivered'");
    assertThat(Report.word(Channel.VIBER, " ")).hasToString("viber:' '");
    assertThat(Report.word(Channel.WHATSAPP, null)).hasToString("whatsapp:<null>");
  }

  @Test
  void anOutcomeNamesItsStatus() {
    assertThat(Report.outcome(Status.FAILED)).hasToString("outcome:FAILED");
  }
}
