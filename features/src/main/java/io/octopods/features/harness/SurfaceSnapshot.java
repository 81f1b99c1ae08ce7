package io.octopods.features.harness;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One message as every surface shows it at one moment: the public API's resource, HubSpot's
 * timeline events for it (their statuses in timeline order: by each event's time, the moment of its
 * status change, so a late push still reads in status order), the statuses of its HubSpot dead
 * letters (events HubSpot refused for good), Intercom's Inbox label, Reach's timeline and, when the
 * target's Intercom secret is known, the first canvas of the Inbox app, the Inbox's detail canvas
 * of the message and Reach's canvas (their Canvas Kit JSON as served).
 */
public record SurfaceSnapshot(
    JsonNode api,
    List<String> hubspot,
    List<String> hubspotDead,
    String inboxLabel,
    JsonNode reach,
    String inboxCanvasJson,
    String inboxDetailCanvasJson,
    String reachCanvasJson) {

  public String apiStatus() {
    return api.at("/message_status/message_status").asText();
  }

  public String messageId() {
    return api.path("message_id").asText();
  }

  /** What the Inbox's first canvas shows of this message; empty when no canvas was read. */
  public Optional<StatusComponents.Reading> inboxCanvasStatus() {
    return Optional.ofNullable(inboxCanvasJson)
        .map(json -> StatusComponents.onInboxCanvas(json, messageId()));
  }

  /** What the Inbox's detail canvas of the message shows; empty when no canvas was read. */
  public Optional<StatusComponents.Reading> inboxDetailCanvasStatus() {
    return Optional.ofNullable(inboxDetailCanvasJson)
        .map(json -> StatusComponents.onInboxDetailCanvas(json, messageId()));
  }

  /** What Reach's first canvas shows of this message; empty when no canvas was read. */
  public Optional<StatusComponents.Reading> reachCanvasStatus() {
    return Optional.ofNullable(reachCanvasJson)
        .map(json -> StatusComponents.onReachCanvas(json, messageId()));
  }

  /**
   * Each surface's status in the API's words: [api, hubspot (latest), intercom, reach]; null where
   * unreadable.
   */
  public List<String> statuses() {
    return Arrays.asList(
        apiStatus(),
        hubspot.isEmpty() ? null : hubspot.get(hubspot.size() - 1),
        StatusModel.statusOfLabel(StatusModel.INBOX, inboxLabel),
        StatusModel.statusOfLabel(StatusModel.REACH, reach.path("current").asText()));
  }

  public static final List<String> SURFACES = List.of("API", "HubSpot", "Intercom Inbox", "Reach");
}
