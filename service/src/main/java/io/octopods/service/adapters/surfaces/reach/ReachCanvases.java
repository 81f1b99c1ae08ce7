package io.octopods.service.adapters.surfaces.reach;

import io.octopods.service.adapters.surfaces.canvaskit.Canvas;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasEndpoint;
import io.octopods.service.adapters.surfaces.canvaskit.CanvasRequest;
import io.octopods.service.adapters.surfaces.shared.ChannelAndTimeFormats;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.SurfaceQueries;
import io.octopods.service.domain.SurfaceLabels;
import io.octopods.service.domain.SurfaceLabels.ReachTimeline;
import io.octopods.service.domain.SurfaceLabels.TimelineStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reach's canvases (status-model.md, section 5): the live timeline of one message to the
 * conversation's contact, the latest by default or the one chosen (kept in {@code
 * stored_data.message_id}), as a data table of the steps reached with their times, a Refresh
 * button, and, when the contact has more than one message, a link to choose another from the latest
 * {@value #CHOICES}.
 */
final class ReachCanvases {
  static final int CHOICES = 20;
  static final String REFRESH = "refresh";
  static final String OTHERS = "others";
  static final String BACK = "back";
  static final String STORED_ID = "message_id";
  private static final Pattern MESSAGE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final SurfaceQueries queries;
  private final MessageStore store;

  ReachCanvases(SurfaceQueries queries, MessageStore store) {
    this.queries = queries;
    this.store = store;
  }

  /** The first canvas: the timeline of the latest message to the contact. */
  Canvas initialize(CanvasRequest request, String workspace) {
    return timelineOf(Optional.empty(), request, workspace);
  }

  /**
   * A click: an item of the choice list shows that message; "others" lists the choices; Refresh,
   * Back and anything else show the message kept in {@code stored_data} again (the latest when
   * there is none, or it is no longer the contact's).
   */
  Canvas submit(CanvasRequest request, String workspace) {
    String component = request.componentId().orElse(REFRESH);
    if (OTHERS.equals(component)) {
      return choices(request, workspace);
    }
    if (MESSAGE_ID.matcher(component).matches()) {
      return timelineOf(Optional.of(component), request, workspace);
    }
    return timelineOf(request.stored(STORED_ID), request, workspace);
  }

  private Canvas timelineOf(Optional<String> chosen, CanvasRequest request, String workspace) {
    List<MessageRecord> latest = CanvasEndpoint.messagesOf(queries, workspace, request, 2);
    Optional<MessageRecord> message =
        chosen
            .filter(id -> MESSAGE_ID.matcher(id).matches())
            .flatMap(id -> store.find(workspace, id))
            .filter(request::isContactOf)
            .or(() -> latest.stream().findFirst());
    if (message.isEmpty()) {
      return Canvas.create()
          .text("Delivery timeline", Canvas.TextStyle.HEADER)
          .text("No messages were sent to this contact yet.", Canvas.TextStyle.MUTED)
          .button(REFRESH, "Refresh", Canvas.ButtonStyle.SECONDARY);
    }
    return timeline(message.get(), latest.size() > 1);
  }

  /** The timeline canvas of one message. */
  static Canvas timeline(MessageRecord m, boolean othersToChoose) {
    ReachTimeline<Instant> timeline = SurfaceLabels.reachTimeline(m.status(), m.reached());
    List<Canvas.Row> rows = new ArrayList<>();
    for (TimelineStep<Instant> step : timeline.steps()) {
      rows.add(
          new Canvas.Row(
              step.step().label(),
              ChannelAndTimeFormats.step(step.reachedAt()) + (step.implied() ? " (implied)" : "")));
    }
    String now =
        "Now: "
            + timeline.current().label()
            + (timeline.terminal() ? " \u00b7 final" : " \u00b7 Refresh for updates");
    Canvas canvas =
        Canvas.create()
            .text(ChannelAndTimeFormats.title(m.channel(), m.to()), Canvas.TextStyle.HEADER)
            .text(now, Canvas.TextStyle.MUTED);
    if (!rows.isEmpty()) {
      canvas.dataTable(rows);
    }
    canvas.button(REFRESH, "Refresh", Canvas.ButtonStyle.PRIMARY);
    if (othersToChoose) {
      canvas.button(OTHERS, "Other messages", Canvas.ButtonStyle.LINK);
    }
    return canvas.store(STORED_ID, m.messageId());
  }

  private Canvas choices(CanvasRequest request, String workspace) {
    List<MessageRecord> found = CanvasEndpoint.messagesOf(queries, workspace, request, CHOICES);
    Canvas canvas = Canvas.create().text("Choose a message", Canvas.TextStyle.HEADER);
    if (found.isEmpty()) {
      canvas.text("No messages were sent to this contact yet.", Canvas.TextStyle.MUTED);
    } else {
      List<Canvas.Item> items = new ArrayList<>();
      for (MessageRecord m : found) {
        items.add(
            new Canvas.Item(
                m.messageId(),
                ChannelAndTimeFormats.title(m.channel(), m.to()),
                Optional.of(SurfaceLabels.reachStep(m.status()).label()),
                Optional.of(ChannelAndTimeFormats.brief(m.createdAt()))));
      }
      canvas.list(items);
    }
    canvas.button(BACK, "Back", Canvas.ButtonStyle.SECONDARY);
    request.stored(STORED_ID).ifPresent(id -> canvas.store(STORED_ID, id));
    return canvas;
  }
}
