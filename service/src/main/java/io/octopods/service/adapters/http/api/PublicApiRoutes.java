package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.adapters.http.Problem.FieldError;
import io.octopods.service.adapters.http.RouteGroup;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.HubSpotOutbox;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.MessageStore.MessagePage;
import io.octopods.service.application.ports.MessageStore.PendingCounts;
import io.octopods.service.domain.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The public API (api.md): send, poll, list and history under {@code /api/v1/{channel}/messages},
 * each with a bearer key and a per-key rate limit, checked in that order before the channel; the
 * workspace's HubSpot dead letters under {@code /api/v1/surfaces/hubspot/dead-letters}; and {@code
 * GET /health} without a key. Another workspace's message, one on another channel and a malformed
 * id all answer the same {@code 404} (I13).
 */
public final class PublicApiRoutes implements RouteGroup {
  public static final String MESSAGES = "/api/v1/{channel}/messages";
  public static final int DEFAULT_RATE_LIMIT = 50;
  private static final Pattern MESSAGE_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final String JSON = "application/json";

  private final MessageStore store;
  private final BearerAuthentication authentication;
  private final PerKeyRateLimit rateLimit;
  private final IdempotentSend send;
  private final int perSecond;
  private final Map<String, Duration> timers;
  private final Optional<DeadLetterResource> deadLetters;

  /**
   * @param rateLimitPerSecond requests per second per key ({@code OCTOPODS_RATE_LIMIT}); 0 turns
   *     the limit off
   * @param clock the rate limit's clock
   */
  public PublicApiRoutes(
      SendMessage sendMessage,
      MessageStore store,
      ApiKeys keys,
      int rateLimitPerSecond,
      Clock clock) {
    this(sendMessage, store, keys, rateLimitPerSecond, clock, Map.of(), Optional.empty());
  }

  /**
   * @param timers the service's timers that outside checks wait on ({@code provider_timeout},
   *     {@code reconcile_after}), shown in {@code /health} so a harness can tell how long they take
   * @param hubspot the HubSpot outbox whose dead letters {@code
   *     /api/v1/surfaces/hubspot/dead-letters} serves
   */
  public PublicApiRoutes(
      SendMessage sendMessage,
      MessageStore store,
      ApiKeys keys,
      int rateLimitPerSecond,
      Clock clock,
      Map<String, Duration> timers,
      Optional<HubSpotOutbox> hubspot) {
    this.deadLetters = hubspot.map(h -> new DeadLetterResource(h, clock));
    this.timers = new TreeMap<>(timers);
    this.store = store;
    this.authentication = new BearerAuthentication(keys);
    this.rateLimit = new PerKeyRateLimit(rateLimitPerSecond, clock);
    this.send = new IdempotentSend(sendMessage, store);
    this.perSecond = rateLimitPerSecond;
  }

  /**
   * Where a message is polled: {@code /api/v1/{channel}/messages/{message_id}} (also the {@code
   * Location}).
   */
  public static String location(Channel channel, String messageId) {
    return "/api/v1/" + channel.path() + "/messages/" + messageId;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post(MESSAGES, api(this::send));
    routes.get(MESSAGES, api(this::list));
    routes.get(MESSAGES + "/{message_id}", api(this::one));
    routes.get(MESSAGES + "/{message_id}/history", api(this::history));
    deadLetters.ifPresent(
        d -> {
          routes.get(DeadLetterResource.PATH, keyed(d::list));
          routes.post(DeadLetterResource.PATH + "/retry", keyed(d::retryAll));
          routes.post(DeadLetterResource.PATH + "/{event_id}/retry", keyed(d::retryOne));
        });
    routes.get("/health", this::health);
  }

  /** A call that passed the key, the rate limit and the channel. */
  private record Call(String workspace, Channel channel) {}

  @FunctionalInterface
  private interface CallHandler {
    void handle(Context ctx, Call call);
  }

  /** A call that passed the key and the rate limit, by the key's workspace. */
  @FunctionalInterface
  private interface WorkspaceHandler {
    void handle(Context ctx, String workspace);
  }

  private Handler api(CallHandler handler) {
    return keyed(
        (ctx, workspace) -> {
          String segment = ctx.pathParam("channel");
          Channel channel =
              Channel.fromPath(segment).orElseThrow(() -> ApiProblems.unknownChannel(segment));
          handler.handle(ctx, new Call(workspace, channel));
        });
  }

  private Handler keyed(WorkspaceHandler handler) {
    return ctx -> {
      try {
        BearerAuthentication.Caller caller = authentication.authenticate(ctx);
        Optional<Duration> wait = rateLimit.take(caller.key());
        if (wait.isPresent()) {
          throw tooManyRequests(wait.get());
        }
        handler.handle(ctx, caller.workspace());
      } catch (ApiRefusal refusal) {
        refusal.writeTo(ctx);
      }
    };
  }

  private ApiRefusal tooManyRequests(Duration wait) {
    long seconds = Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L);
    return new ApiRefusal(
            Problem.of(
                429,
                "Too many requests",
                "this API key made more than "
                    + perSecond
                    + " requests in a second (OCTOPODS_RATE_LIMIT): wait "
                    + seconds
                    + " s (Retry-After) and send it again"))
        .withHeader("Retry-After", String.valueOf(seconds));
  }

  private void send(Context ctx, Call call) {
    ObjectNode json = JsonRequestBody.read(ctx);
    Optional<String> key = Optional.ofNullable(ctx.header(IdempotentSend.HEADER));
    List<FieldError> problems =
        new ArrayList<>(SendRequestValidator.problems(call.channel(), json));
    problems.addAll(IdempotentSend.keyProblems(key));
    if (!problems.isEmpty()) {
      throw ApiProblems.invalid(problems);
    }
    IdempotentSend.Answer answer =
        send.send(SendRequestValidator.request(call.workspace(), call.channel(), json), key);
    ctx.header("Location", location(call.channel(), answer.messageId()));
    if (answer.replayed()) {
      ctx.header("Idempotent-Replayed", "true");
    }
    ctx.status(answer.status()).contentType(JSON).result(answer.body());
  }

  private void one(Context ctx, Call call) {
    MessageRecord message = message(ctx, call);
    PollAdvice.retryAfterSeconds(message.status())
        .ifPresent(s -> ctx.header("Retry-After", String.valueOf(s)));
    ok(
        ctx,
        MessageJson.message(
            message,
            store
                .otherProviderIds(List.of(message.messageId()))
                .getOrDefault(message.messageId(), List.of())));
  }

  private void history(Context ctx, Call call) {
    HistoryQuery query = HistoryQuery.from(ctx.queryParamMap());
    MessageRecord message = message(ctx, call);
    ok(ctx, MessageJson.history(store.history(message.messageId()), query.raw()));
  }

  private void list(Context ctx, Call call) {
    ListQuery query = ListQuery.from(ctx.queryParamMap());
    MessagePage page;
    try {
      page =
          store.list(
              call.workspace(), call.channel(), query.status(), query.limit(), query.cursor());
    } catch (IllegalArgumentException badCursor) {
      throw ApiProblems.invalid(
          ListQuery.pointer("cursor"),
          "is not a cursor this API gave out: pass the "
              + "next_cursor of the page before exactly as it came, or leave cursor out for the first page");
    }
    ok(
        ctx,
        MessageJson.page(
            page,
            store.otherProviderIds(
                page.messages().stream().map(MessageRecord::messageId).toList())));
  }

  private MessageRecord message(Context ctx, Call call) {
    String id = ctx.pathParam("message_id").toLowerCase(Locale.ROOT);
    if (!MESSAGE_ID.matcher(id).matches()) {
      throw ApiProblems.noSuchMessage(call.channel(), ctx.pathParam("message_id"));
    }
    return store
        .find(call.workspace(), id)
        .filter(m -> m.channel() == call.channel())
        .orElseThrow(() -> ApiProblems.noSuchMessage(call.channel(), id));
  }

  private void health(Context ctx) {
    PendingCounts pending;
    try {
      pending = store.pending();
    } catch (MessageStore.StorageUnavailable e) {
      ctx.header("Retry-After", "5");
      Problem.of(
              503,
              "Storage unavailable",
              "the service cannot reach its database ("
                  + e.getMessage()
                  + "), so it "
                  + "cannot serve: check the database and OCTOPODS_DB_URL; this answer turns 200 once it is reachable")
          .writeTo(ctx);
      return;
    }
    ObjectNode o = JsonBodies.MAPPER.createObjectNode().put("status", "up");
    o.putObject("pending")
        .put("handoff", pending.handoff())
        .put("hubspot", pending.hubspot())
        .put("orphans", pending.orphans());
    o.putObject("dead").put("hubspot", pending.hubspotDead());
    if (!timers.isEmpty()) {
      ObjectNode t = o.putObject("timers");
      timers.forEach((name, d) -> t.put(name, d.toString()));
    }
    ok(ctx, o);
  }

  private static void ok(Context ctx, ObjectNode body) {
    ctx.status(200).contentType(JSON).result(JsonBodies.write(body));
  }
}
