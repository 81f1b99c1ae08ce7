package io.octopods.service.domain;

/**
 * Short names for the reports the status engine tests fold: a provider word per channel, or a
 * hand-off outcome.
 */
final class Reports {
  private Reports() {}

  static Report sms(String word) {
    return Report.word(Channel.SMS, word);
  }

  static Report wa(String word) {
    return Report.word(Channel.WHATSAPP, word);
  }

  static Report viber(String word) {
    return Report.word(Channel.VIBER, word);
  }

  static Report handOff(Status outcome) {
    return Report.outcome(outcome);
  }
}
