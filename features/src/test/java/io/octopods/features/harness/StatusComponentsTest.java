package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.features.harness.StatusComponents.Missing;
import io.octopods.features.harness.StatusComponents.Reading;
import io.octopods.features.harness.StatusComponents.Shown;
import org.junit.jupiter.api.Test;

/**
 * The status of a message is read from the one component api.md fixes for it, on canvases written
 * here as the JSON text a service would serve.
 */
class StatusComponentsTest {
  private static final String MESSAGE = "3f1c2a4e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
  private static final String OTHER = "9d8c7b6a-5f4e-4d3c-8b2a-19f8e7d6c5b4";

  /** The Inbox's first canvas: its header, then a list of the given items. */
  private static String inboxCanvas(String header, String items) {
    return """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "%s", "style": "header"},
          {"type": "list", "items": [%s]}
        ]}, "stored_data": {}}}
        """
        .formatted(header, items);
  }

  private static String item(String id, String subtitle) {
    return """
        {"type": "item", "id": "%s", "title": "WhatsApp to +15551230001",
         "subtitle": "%s", "tertiary_text": "26 Nov 10:00 UTC", "action": {"type": "submit"}}
        """
        .formatted(id, subtitle);
  }

  /** Reach's timeline canvas of the message {@code storedId}, naming its step with {@code now}. */
  private static String reachCanvas(String storedId, String now) {
    return """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "WhatsApp to +15551230001", "style": "header"},
          {"type": "text", "text": "%s", "style": "muted"},
          {"type": "data-table", "items": [
            {"type": "field-value", "field": "Queued", "value": "26 Nov 10:00:00 UTC"}]},
          {"type": "button", "id": "refresh", "label": "Refresh", "style": "primary",
           "action": {"type": "submit"}}
        ]}, "stored_data": {"message_id": "%s"}}}
        """
        .formatted(now, storedId);
  }

  @Test
  void theInboxStatusIsTheSubtitleOfTheMessagesItemNotTheHeader() {
    String canvas =
        inboxCanvas(
            "Sent messages",
            item(OTHER, "\u2713 Sent") + "," + item(MESSAGE, "\u2713\u2713 Delivered"));

    Reading reading = StatusComponents.onInboxCanvas(canvas, MESSAGE);

    assertThat(reading).isInstanceOf(Shown.class);
    Shown shown = (Shown) reading;
    assertThat(shown.icon()).isEqualTo("\u2713\u2713");
    assertThat(shown.label()).isEqualTo("Delivered");
    assertThat(shown.text()).isEqualTo("\u2713\u2713 Delivered");
    assertThat(shown.component())
        .isEqualTo("Intercom Inbox canvas, list item " + MESSAGE + ", subtitle");
  }

  @Test
  void anInboxLabelOfTwoWordsKeepsBothAfterTheIcon() {
    Shown shown =
        (Shown)
            StatusComponents.onInboxCanvas(
                inboxCanvas("Sent messages", item(MESSAGE, "\uD83D\uDD53 Send Attempted")),
                MESSAGE);

    assertThat(shown.icon()).isEqualTo("\uD83D\uDD53");
    assertThat(shown.label()).isEqualTo("Send Attempted");
  }

  @Test
  void aSubtitleWithoutASpaceIsALabelWithoutAnIcon() {
    Shown shown =
        (Shown)
            StatusComponents.onInboxCanvas(
                inboxCanvas("Sent messages", item(MESSAGE, "Delivered")), MESSAGE);

    assertThat(shown.icon()).isEmpty();
    assertThat(shown.label()).isEqualTo("Delivered");
  }

  @Test
  void anInboxCanvasWithoutTheMessagesItemIsMissingItNamingComponentAndMessage() {
    Reading reading =
        StatusComponents.onInboxCanvas(
            inboxCanvas("Sent messages", item(OTHER, "\u2713\u2713 Delivered")), MESSAGE);

    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(reading.component()).contains("list item").contains(MESSAGE).contains("subtitle");
    assertThat(((Missing) reading).why()).contains("no list item has the message's id");
  }

  @Test
  void anItemWithoutASubtitleIsMissingIt() {
    String canvas =
        inboxCanvas(
            "Sent messages",
            """
            {"type": "item", "id": "%s", "title": "WhatsApp to +15551230001"}
            """
                .formatted(MESSAGE));

    Reading reading = StatusComponents.onInboxCanvas(canvas, MESSAGE);

    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(((Missing) reading).why()).contains("no subtitle");
  }

  @Test
  void aLabelInAnotherComponentDoesNotCount() {
    String canvas =
        """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "Sent messages", "style": "header"},
          {"type": "data-table", "items": [
            {"type": "field-value", "field": "%s", "value": "\u2713\u2713 Delivered"}]}
        ]}}}
        """
            .formatted(MESSAGE);

    assertThat(StatusComponents.onInboxCanvas(canvas, MESSAGE)).isInstanceOf(Missing.class);
  }

  @Test
  void aBodyThatIsNotJsonIsMissingTheComponent() {
    Reading reading = StatusComponents.onInboxCanvas("<html>Sent messages</html>", MESSAGE);

    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(((Missing) reading).why()).contains("not JSON");
  }

  @Test
  void theReachStatusIsTheNowTextOfTheMessagesTimeline() {
    Reading reading =
        StatusComponents.onReachCanvas(reachCanvas(MESSAGE, "Now: Read \u00b7 final"), MESSAGE);

    assertThat(reading).isInstanceOf(Shown.class);
    Shown shown = (Shown) reading;
    assertThat(shown.label()).isEqualTo("Read");
    assertThat(shown.note()).isEqualTo("final");
    assertThat(shown.icon()).isEmpty();
    assertThat(shown.component()).isEqualTo("Reach canvas, text 'Now:' of message " + MESSAGE);
  }

  @Test
  void aReachStepThatIsNotFinalSaysSo() {
    Shown shown =
        (Shown)
            StatusComponents.onReachCanvas(
                reachCanvas(MESSAGE, "Now: Sent \u00b7 Refresh for updates"), MESSAGE);

    assertThat(shown.label()).isEqualTo("Sent");
    assertThat(shown.note()).isEqualTo("Refresh for updates");
  }

  @Test
  void theTimelineOfAnotherMessageIsMissingTheComponent() {
    Reading reading =
        StatusComponents.onReachCanvas(reachCanvas(OTHER, "Now: Read \u00b7 final"), MESSAGE);

    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(reading.component()).contains(MESSAGE);
    assertThat(((Missing) reading).why()).contains("stored_data.message_id").contains(OTHER);
  }

  @Test
  void aReachCanvasWithoutTheNowTextIsMissingIt() {
    Reading reading =
        StatusComponents.onReachCanvas(reachCanvas(MESSAGE, "Currently: Read"), MESSAGE);

    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(((Missing) reading).why()).contains("no text component starts with 'Now: '");
  }

  private static String detailCanvas(String storedId, String deliveryStatus) {
    return """
        {"canvas": {"content": {"components": [
          {"type": "text", "text": "SMS to +15551230001", "style": "header"},
          {"type": "data-table", "items": [
            {"type": "field-value", "field": "Delivery Status", "value": "%s"},
            {"type": "field-value", "field": "Channel", "value": "Sent by SMS"}]}
        ]}, "stored_data": {"message_id": "%s"}}}
        """
        .formatted(deliveryStatus, storedId);
  }

  @Test
  void theInboxDetailStatusIsTheDeliveryStatusRowOfTheMessagesDataTable() {
    Shown shown =
        (Shown)
            StatusComponents.onInboxDetailCanvas(
                detailCanvas(MESSAGE, "\u2713\u2713 Delivered"), MESSAGE);
    assertThat(shown.icon()).isEqualTo("\u2713\u2713");
    assertThat(shown.label()).isEqualTo("Delivered");
    assertThat(shown.component()).contains("detail canvas").contains(MESSAGE);
  }

  @Test
  void aDetailCanvasOfAnotherMessageIsMissingTheStatusNamingTheMessage() {
    Reading reading =
        StatusComponents.onInboxDetailCanvas(
            detailCanvas("another-message", "\u2713\u2713 Delivered"), MESSAGE);
    assertThat(reading).isInstanceOf(Missing.class);
    assertThat(((Missing) reading).why()).contains("another-message");
  }
}
