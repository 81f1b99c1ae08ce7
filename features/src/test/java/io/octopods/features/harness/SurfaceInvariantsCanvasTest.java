package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Surface agreement (I10) judges each canvas by the component that shows the message's status: a
 * message that is {@code SENT} everywhere else, on an Inbox canvas headed "Sent messages", is
 * judged by its list item's subtitle.
 */
class SurfaceInvariantsCanvasTest {
  private static final String MESSAGE = "3f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
  private static final String REACH_SENT = "Now: Sent \u00b7 Refresh for updates";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Ledger ledger = new Ledger(List.of());
  private final SurfaceInvariants invariants = new SurfaceInvariants(ledger);

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The message as every surface but the canvases shows it: SENT, not terminal. */
  private static SurfaceSnapshot sentWith(String inboxCanvas, String reachCanvas) {
    return new SurfaceSnapshot(
        json(
            """
            {"message_id": "%s",
             "message_status": {"message_status": "SENT", "terminal": false}}
            """
                .formatted(MESSAGE)),
        List.of("UNKNOWN", "SENT"),
        List.of(),
        "Sent",
        json("{\"current\": \"Sent\", \"terminal\": false}"),
        inboxCanvas,
        null,
        reachCanvas);
  }

  private static String inboxCanvas(String id, String subtitle) {
    return """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "Sent messages", "style": "header"},
          {"type": "list", "items": [
            {"type": "item", "id": "%s", "title": "SMS to +15551230001", "subtitle": "%s",
             "action": {"type": "submit"}}]}
        ]}, "stored_data": {}}}
        """
        .formatted(id, subtitle);
  }

  private static String reachCanvas(String now) {
    return """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "SMS to +15551230001", "style": "header"},
          {"type": "text", "text": "%s", "style": "muted"}
        ]}, "stored_data": {"message_id": "%s"}}}
        """
        .formatted(now, MESSAGE);
  }

  @Test
  void canvasesShowingTheApisStatusInTheirStatusComponentsAgree() {
    SurfaceSnapshot s = sentWith(inboxCanvas(MESSAGE, "\u2713 Sent"), reachCanvas(REACH_SENT));

    assertThatCode(() -> invariants.agree(s, "here")).doesNotThrowAnyException();
    assertThat(ledger.violationCount()).isZero();
  }

  @Test
  void anInboxCanvasHeadedSentMessagesIsJudgedByTheItemsSubtitle() {
    SurfaceSnapshot s =
        sentWith(inboxCanvas(MESSAGE, "\u2713\u2713 Delivered"), reachCanvas(REACH_SENT));

    Throwable broken = catchThrowable(() -> invariants.agree(s, "here"));

    assertThat(broken)
        .isInstanceOf(Ledger.InvariantBroken.class)
        .hasMessageStartingWith("invariant I10 broken: ")
        .hasMessageContaining("Intercom Inbox canvas, list item " + MESSAGE + ", subtitle")
        .hasMessageContaining("the label 'Delivered' with the icon '\u2713\u2713'")
        .hasMessageContaining("the API shows SENT (the label 'Sent' with the icon '\u2713')");
  }

  @Test
  void theRightLabelWithAnotherStatusesIconDisagrees() {
    SurfaceSnapshot s =
        sentWith(inboxCanvas(MESSAGE, "\u2713\u2713 Sent"), reachCanvas(REACH_SENT));

    assertThat(catchThrowable(() -> invariants.agree(s, "here")))
        .hasMessageStartingWith("invariant I10 broken: ")
        .hasMessageContaining("the icon '\u2713\u2713'");
  }

  @Test
  void aLabelOutsideSectionFiveBreaksI1() {
    SurfaceSnapshot s = sentWith(inboxCanvas(MESSAGE, "\u2713 sent"), reachCanvas(REACH_SENT));

    assertThat(catchThrowable(() -> invariants.agree(s, "here")))
        .hasMessageStartingWith("invariant I1 broken: ")
        .hasMessageContaining("shows '\u2713 sent'");
  }

  @Test
  void anInboxCanvasWithoutTheMessagesItemBreaksAgreementNamingComponentAndMessage() {
    SurfaceSnapshot s =
        sentWith(
            inboxCanvas("9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4", "\u2713 Sent"),
            reachCanvas(REACH_SENT));

    assertThat(catchThrowable(() -> invariants.agree(s, "here")))
        .hasMessageStartingWith("invariant I10 broken: ")
        .hasMessageContaining(
            "Intercom Inbox canvas, list item " + MESSAGE + ", subtitle is missing");
  }

  @Test
  void aReachCanvasCallingANonTerminalStatusFinalDisagrees() {
    SurfaceSnapshot s =
        sentWith(inboxCanvas(MESSAGE, "\u2713 Sent"), reachCanvas("Now: Sent \u00b7 final"));

    assertThat(catchThrowable(() -> invariants.agree(s, "here")))
        .hasMessageStartingWith("invariant I10 broken: ")
        .hasMessageContaining("Reach canvas, text 'Now:' of message " + MESSAGE)
        .hasMessageContaining("('" + REACH_SENT + "')");
  }

  @Test
  void noCanvasReadIsNoCanvasJudged() {
    assertThatCode(() -> invariants.agree(sentWith(null, null), "here")).doesNotThrowAnyException();
  }
}
