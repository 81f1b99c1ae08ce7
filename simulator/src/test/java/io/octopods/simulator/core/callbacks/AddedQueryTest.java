package io.octopods.simulator.core.callbacks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Query parameters a provider adds to the webhook URL it calls (Viber's {@code sig}). */
class AddedQueryTest {
  @Test
  void appendsWithQuestionMarkOrAmpersand_beforeAnyFragment() {
    assertThat(AddedQuery.append("https://h/cb", "sig=ab")).isEqualTo("https://h/cb?sig=ab");
    assertThat(AddedQuery.append("https://h/cb?t=7", "sig=ab"))
        .isEqualTo("https://h/cb?t=7&sig=ab");
    assertThat(AddedQuery.append("https://h/cb?", "sig=ab")).isEqualTo("https://h/cb?sig=ab");
    assertThat(AddedQuery.append("https://h/cb#frag", "sig=ab"))
        .isEqualTo("https://h/cb?sig=ab#frag");
    assertThat(AddedQuery.append("https://h/cb", "")).isEqualTo("https://h/cb");
  }

  @Test
  void findsWhatWasAddedToTheWebhookUrl_andNothingForAnotherUrl() {
    assertThat(AddedQuery.of("https://h/cb", "https://h/cb")).contains("");
    assertThat(AddedQuery.of("https://h/cb", "https://h/cb?sig=ab")).contains("sig=ab");
    assertThat(AddedQuery.of("https://h/cb?t=7", "https://h/cb?t=7&sig=ab")).contains("sig=ab");
    assertThat(AddedQuery.of("https://h/cb", "https://h/cb2?sig=ab")).isEmpty();
    assertThat(AddedQuery.of("https://h/cb", "https://other/cb?sig=ab")).isEmpty();
  }
}
