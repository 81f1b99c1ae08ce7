package io.octopods.simulator.twilio;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import io.octopods.simulator.core.Json;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import io.octopods.simulator.core.messages.SimulatedMessage;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * {@code GET /2010-04-01/Accounts/{AccountSid}/Messages.json}: the account's messages, newest
 * first, filtered by {@code To}, {@code From} and send time, in Twilio's page envelope (what
 * reconciliation of a timed-out send uses: "list by To and send time").
 */
final class TwilioListRoute implements Route.Handler {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 1000;

  private final SimulatorContext ctx;
  private final CreatedMessages created;

  TwilioListRoute(SimulatorContext ctx, CreatedMessages created) {
    this.ctx = ctx;
    this.created = created;
  }

  @Override
  public ResponseDefinition handle(Request request, Matcher path) {
    String account = path.group(1);
    TwilioAccount.Access access = TwilioAccount.check(request, account);
    if (access.refusal().isPresent()) {
      return access.refusal().get().answer();
    }
    if (access.account().orElseThrow() == TwilioAccount.TEST) {
      return TwilioErrors.testCredentials().answer();
    }
    String url = request.getUrl();
    FormParams query =
        FormParams.parse(url.indexOf('?') < 0 ? "" : url.substring(url.indexOf('?') + 1));
    MessageFilter filter;
    int pageSize;
    int page;
    try {
      filter = MessageFilter.of(query);
      pageSize = number(query, "PageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
      page = number(query, "Page", 0, 0, Integer.MAX_VALUE);
    } catch (IllegalArgumentException e) {
      return new TwilioError("20001", e.getMessage(), 400, null).answer();
    }
    Instant now = ctx.clock().now();
    List<SimulatedMessage> matching =
        ctx.ledger().list(TwilioSendRoute.PROVIDER, Optional.empty()).stream()
            .filter(
                m ->
                    created
                        .find(m.providerMessageId())
                        .filter(c -> c.account() == TwilioAccount.LIVE)
                        .isPresent())
            .filter(filter::matches)
            .sorted(
                Comparator.comparing(SimulatedMessage::receivedAt)
                    .thenComparingLong(SimulatedMessage::seq)
                    .reversed())
            .toList();
    int start = (int) Math.min((long) page * pageSize, matching.size());
    List<SimulatedMessage> onPage =
        matching.subList(start, Math.min(start + pageSize, matching.size()));

    ObjectNode body = Json.object();
    ArrayNode messages = body.putArray("messages");
    onPage.forEach(
        m ->
            messages.add(
                MessageResource.at(m, created.find(m.providerMessageId()).orElseThrow(), now)));
    String base =
        "/2010-04-01/Accounts/" + account + "/Messages.json?" + filterQuery(filter.given());
    body.put("end", Math.max(start, start + onPage.size() - 1))
        .put("first_page_uri", base + "PageSize=" + pageSize + "&Page=0")
        .put(
            "next_page_uri",
            start + pageSize < matching.size()
                ? base + "PageSize=" + pageSize + "&Page=" + (page + 1)
                : null)
        .put("page", page)
        .put("page_size", pageSize)
        .put(
            "previous_page_uri",
            page > 0 ? base + "PageSize=" + pageSize + "&Page=" + (page - 1) : null)
        .put("start", start)
        .put("uri", base + "PageSize=" + pageSize + "&Page=" + page);
    return Responses.json(200, body);
  }

  private static String filterQuery(Map<String, String> given) {
    StringBuilder b = new StringBuilder();
    given.forEach(
        (name, value) ->
            b.append(FormParams.encode(name))
                .append('=')
                .append(FormParams.encode(value))
                .append('&'));
    return b.toString();
  }

  private static int number(FormParams query, String name, int fallback, int min, int max) {
    Optional<String> given = query.first(name);
    if (given.isEmpty()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(given.get());
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid "
              + name
              + ": '"
              + given.get()
              + "' is not a whole number from "
              + min
              + " to "
              + max);
    }
  }
}
