package io.octopods.features.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reverse proxy in front of a healthy service that corrupts its answers in one way, so that the
 * gate can be shown to catch each kind of defect: a lower-case status, a status going backwards, a
 * missing field, a wrong label on one surface (Intercom's Inbox in its JSON read or its canvas,
 * Reach in its canvas; on a canvas, only in the component that shows the status).
 */
final class CorruptingProxy implements AutoCloseable {
  enum Corruption {
    NONE,
    /** {@code "DELIVERED"} becomes {@code "delivered"} in the message resource. */
    LOWER_CASE_STATUS,
    /**
     * A message read twice in a terminal status shows {@code SENT} (not terminal) from the second
     * read on: a well-formed answer, so only the invariants can catch it.
     */
    STATUS_GOES_BACK,
    /** The message resource loses {@code message_status.terminal}. */
    MISSING_FIELD,
    /**
     * Intercom's Inbox shows "Sent" (with its icon) whatever the status: well-formed, wrong on one
     * surface.
     */
    WRONG_INBOX_LABEL,
    /**
     * The Inbox's first canvas, still headed "Sent messages", shows another status in the subtitle
     * of every list item, the component that shows a message's status: Sent with its icon, or
     * Delivered with its icon where it showed Sent. Valid Canvas Kit, wrong on one surface.
     */
    WRONG_INBOX_CANVAS,
    /**
     * The Inbox's detail canvas of a message shows another status in its data table's "Delivery
     * Status" row, and only there: Sent with its icon, or Delivered with its icon where it showed
     * Sent.
     */
    WRONG_INBOX_DETAIL_CANVAS,
    /**
     * Reach's canvas says "Now: Sent" whatever the status, in the text that names the step, the
     * component that shows a message's status: valid Canvas Kit, wrong on one surface.
     */
    WRONG_REACH_CANVAS
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SENT = "\u2713 Sent";
  private static final String DELIVERED = "\u2713\u2713 Delivered";

  private static final Pattern MESSAGE_PATH =
      Pattern.compile("^/api/v1/[a-z]+/messages/[0-9a-f-]{36}$");
  private static final Pattern STATUS =
      Pattern.compile("(\"message_status\"\\s*:\\s*\")([A-Z]+)(\")");
  private static final Set<String> TERMINAL = Set.of("DELIVERED", "READ", "DELETED");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String upstream;
  private final Corruption corruption;
  private final Map<String, Integer> terminalReads = new ConcurrentHashMap<>();

  CorruptingProxy(String upstream, Corruption corruption) throws IOException {
    this.upstream = upstream;
    this.corruption = corruption;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::forward);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void forward(HttpExchange ex) throws IOException {
    try (ex) {
      String pathAndQuery =
          ex.getRequestURI().getRawPath()
              + (ex.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + ex.getRequestURI().getRawQuery());
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder rq =
          HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
              .method(
                  ex.getRequestMethod(),
                  body.length == 0
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      ex.getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!Set.of("host", "connection", "content-length", "expect", "upgrade")
                    .contains(name.toLowerCase())) {
                  values.forEach(v -> rq.header(name, v));
                }
              });
      HttpResponse<String> rs = client.send(rq.build(), HttpResponse.BodyHandlers.ofString());
      String answer = corrupt(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), rs.body());
      rs.headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!Set.of("content-length", "transfer-encoding", "connection", "date")
                    .contains(name.toLowerCase())) {
                  ex.getResponseHeaders().put(name, values);
                }
              });
      byte[] bytes = answer.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      ex.sendResponseHeaders(rs.statusCode(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        ex.getResponseBody().write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private String corrupt(String method, String path, String body) {
    if (corruption == Corruption.WRONG_INBOX_CANVAS
        && path.startsWith("/surfaces/intercom/canvas/")) {
      return withAnotherStatusInEachListItem(body);
    }
    if (corruption == Corruption.WRONG_INBOX_DETAIL_CANVAS
        && path.startsWith("/surfaces/intercom/canvas/")) {
      return withAnotherDeliveryStatusRow(body);
    }
    if (corruption == Corruption.WRONG_REACH_CANVAS && path.startsWith("/surfaces/reach/canvas/")) {
      return body.replaceAll("Now: [A-Za-z]+", "Now: Sent");
    }
    if (!"GET".equals(method)) {
      return body;
    }
    boolean message = MESSAGE_PATH.matcher(path).matches();
    switch (corruption) {
      case LOWER_CASE_STATUS:
        return message ? replaceStatus(body, s -> s.toLowerCase()) : body;
      case STATUS_GOES_BACK:
        if (!message) {
          return body;
        }
        String back =
            replaceStatus(
                body,
                s ->
                    TERMINAL.contains(s) && terminalReads.merge(path, 1, Integer::sum) > 1
                        ? "SENT"
                        : s);
        return back.equals(body)
            ? body
            : back.replaceAll("\"terminal\"\\s*:\\s*true", "\"terminal\":false");
      case MISSING_FIELD:
        return message ? body.replaceAll("\"terminal\"\\s*:\\s*(true|false)\\s*,?", "") : body;
      case WRONG_INBOX_LABEL:
        return path.startsWith("/surfaces/intercom/messages/")
            ? body.replaceAll("\"label\"\\s*:\\s*\"[^\"]*\"", "\"label\":\"Sent\"")
                .replaceAll("\"icon\"\\s*:\\s*\"[^\"]*\"", "\"icon\":\"check\"")
            : body;
      default:
        return body;
    }
  }

  /** The canvas with each list item's subtitle turned to another status (the rest unchanged). */
  private static String withAnotherStatusInEachListItem(String canvas) {
    try {
      JsonNode root = JSON.readTree(canvas);
      for (JsonNode component : root.at("/canvas/content/components")) {
        if ("list".equals(component.path("type").asText())) {
          for (JsonNode item : component.path("items")) {
            ((ObjectNode) item)
                .put("subtitle", SENT.equals(item.path("subtitle").asText()) ? DELIVERED : SENT);
          }
        }
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      return canvas;
    }
  }

  /** The canvas with its "Delivery Status" row turned to another status (the rest unchanged). */
  private static String withAnotherDeliveryStatusRow(String canvas) {
    try {
      JsonNode root = JSON.readTree(canvas);
      for (JsonNode component : root.at("/canvas/content/components")) {
        if ("data-table".equals(component.path("type").asText())) {
          for (JsonNode row : component.path("items")) {
            if ("Delivery Status".equals(row.path("field").asText())) {
              ((ObjectNode) row)
                  .put("value", SENT.equals(row.path("value").asText()) ? DELIVERED : SENT);
            }
          }
        }
      }
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      return canvas;
    }
  }

  private static String replaceStatus(String body, UnaryOperator<String> change) {
    Matcher m = STATUS.matcher(body);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(m.group(1) + change.apply(m.group(2)) + m.group(3)));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
