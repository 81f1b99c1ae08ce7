package io.octopods.service.adapters.surfaces.intercom;

import io.octopods.service.adapters.surfaces.canvaskit.Canvas;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasEndpoint;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasRequest;
import io.octopods.service.adapters.surfaces.shared.ChannelAndTimeFormats;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.SurfaceLabels;
import io.octopods.service.domain.SurfaceLabels.InboxLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Inbox app's canvases (status-model.md, section 5): the history of sent messages to the
 * conversation's contact as a list (the latest {@value #FIRST}, so that the first canvas stays
 * within about 400 px, with a link to the latest {@value #MORE}); each row opens a detail with a
 * "Delivery Status" field (the icon as text and the label) and a Back button.
 */
final class InboxCanvases {
  static final int FIRST = 5;
  static final int MORE = 20;
  static final String BACK = "back";
  static final String SHOW_MORE = "more";
  private static final Pattern MESSAGE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final SurfaceQueries queries;
  private final MessageStore store;

  InboxCanvases(SurfaceQueries queries, MessageStore store) {
    this.queries = queries;
    this.store = store;
  }

  /** The first canvas: the latest messages to the contact. */
  Canvas initialize(CanvasRequest request, String workspace) {
    return history(request, workspace, FIRST);
  }

  /**
   * A click: a row opens its detail, Back and anything unknown go to the first canvas, "more" lists
   * more.
   */
  Canvas submit(CanvasRequest request, String workspace) {
    String component = request.componentId().orElse(BACK);
    if (SHOW_MORE.equals(component)) {
      return history(request, workspace, MORE);
    }
    if (MESSAGE_ID.matcher(component).matches()) {
      Optional<MessageRecord> message =
          store.find(workspace, component).filter(request::isContactOf);
      if (message.isPresent()) {
        return detail(message.get());
      }
    }
    return history(request, workspace, FIRST);
  }

  private Canvas history(CanvasRequest request, String workspace, int limit) {
    List<MessageRecord> found = CanvasEndpoint.messagesOf(queries, workspace, request, limit + 1);
    Canvas canvas = Canvas.create().text("Sent messages", Canvas.TextStyle.HEADER);
    if (found.isEmpty()) {
      return canvas.text("No messages were sent to this contact yet.", Canvas.TextStyle.MUTED);
    }
    List<Canvas.Item> items = new ArrayList<>();
    for (MessageRecord m : found.subList(0, Math.min(limit, found.size()))) {
      InboxLabel label = SurfaceLabels.inboxLabel(m.status());
      items.add(
          new Canvas.Item(
              m.messageId(),
              ChannelAndTimeFormats.title(m.channel(), m.to()),
              Optional.of(label.withIconText()),
              Optional.of(ChannelAndTimeFormats.brief(m.createdAt()))));
    }
    canvas.list(items);
    boolean older = found.size() > limit;
    if (limit == FIRST && older) {
      canvas.button(SHOW_MORE, "Show older messages", Canvas.ButtonStyle.LINK);
    } else if (limit != FIRST) {
      if (older) {
        canvas.text(
            "Only the latest " + limit + " are listed here; the API lists them all.",
            Canvas.TextStyle.MUTED);
      }
      canvas.button(BACK, "Back", Canvas.ButtonStyle.SECONDARY);
    }
    return canvas;
  }

  /** One message: its "Delivery Status" and what else a teammate needs to tell the customer. */
  static Canvas detail(MessageRecord m) {
    InboxLabel label = SurfaceLabels.inboxLabel(m.status());
    List<Canvas.Row> rows = new ArrayList<>();
    rows.add(new Canvas.Row("Delivery Status", label.withIconText()));
    rows.add(new Canvas.Row("Channel", ChannelAndTimeFormats.channel(m.channel())));
    rows.add(new Canvas.Row("To", m.to()));
    rows.add(new Canvas.Row("Created", ChannelAndTimeFormats.shown(m.createdAt())));
    rows.add(new Canvas.Row("Updated", ChannelAndTimeFormats.shown(m.updatedAt())));
    m.failure().ifPresent(f -> rows.add(new Canvas.Row("Failure", failure(f.code(), f.title()))));
    rows.add(new Canvas.Row("Message ID", m.messageId()));
    return Canvas.create()
        .text(ChannelAndTimeFormats.title(m.channel(), m.to()), Canvas.TextStyle.HEADER)
        .dataTable(rows)
        .button(BACK, "Back", Canvas.ButtonStyle.SECONDARY)
        .store("message_id", m.messageId());
  }

  /** {@code 30003: Unreachable destination handset}, or the part that is there. */
  static String failure(String code, String title) {
    if (code == null || code.isBlank()) {
      return title == null || title.isBlank() ? "no reason given" : title;
    }
    return title == null || title.isBlank() ? code : code + ": " + title;
  }
}
