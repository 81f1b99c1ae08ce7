package io.octopods.service;

import io.octopods.service.adapters.clients.twilio.TwilioClient;
import io.octopods.service.adapters.clients.viber.ViberClient;
import io.octopods.service.adapters.clients.whatsapp.WhatsAppClient;
import io.octopods.service.adapters.http.HttpServer;
import io.octopods.service.adapters.http.api.ApiKeys;
import io.octopods.service.adapters.http.api.PublicApiRoutes;
import io.octopods.service.adapters.persistence.Database;
import io.octopods.service.adapters.persistence.JdbcHubSpotOutbox;
import io.octopods.service.adapters.persistence.JdbcMessageStore;
import io.octopods.service.adapters.persistence.JdbcOutbox;
import io.octopods.service.adapters.persistence.JdbcReconciliationQueries;
import io.octopods.service.adapters.reconciliation.ReconciliationPolicy;
import io.octopods.service.adapters.reconciliation.ReconciliationWorker;
import io.octopods.service.adapters.reconciliation.twilio.TwilioReconciler;
import io.octopods.service.adapters.surfaces.hubspot.HubSpotClient;
import io.octopods.service.adapters.surfaces.hubspot.HubSpotPusher;
import io.octopods.service.adapters.persistence.JdbcSurfaceQueries;
import io.octopods.service.adapters.persistence.OrphanPurge;
import io.octopods.service.adapters.surfaces.intercom.IntercomRoutes;
import io.octopods.service.adapters.surfaces.reach.ReachRoutes;
import io.octopods.service.adapters.webhooks.twilio.TwilioWebhookRoutes;
import io.octopods.service.adapters.webhooks.viber.ViberWebhookRoutes;
import io.octopods.service.adapters.webhooks.whatsapp.WhatsAppWebhookRoutes;
import io.octopods.service.adapters.workers.HandOffWorker;
import io.octopods.service.application.HandOff;
import io.octopods.service.application.HandOffPolicy;
import io.octopods.service.application.ReportIntake;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.OutboxItem;
import io.octopods.service.application.ports.ProviderClient;
import io.octopods.service.config.ProviderSettings;
import io.octopods.service.config.ServiceSettings;
import io.octopods.service.domain.Channel;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The status service, wired: database, store, use cases, provider clients, workers and the HTTP server. */
public final class OctopodsService implements AutoCloseable {
  private final Database database;
  private final HttpServer http;
  private final List<Runnable> workersToClose;
  private final ApiKeys apiKeys;
  private final ServiceSettings settings;

  private OctopodsService(ServiceSettings settings, Database database, HttpServer http, List<Runnable> workersToClose,
      ApiKeys apiKeys) {
    this.workersToClose = workersToClose;
    this.settings = settings;
    this.database = database;
    this.http = http;
    this.apiKeys = apiKeys;
  }

  public static OctopodsService start(ServiceSettings s) {
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    Database database = Database.open(s.dbUrl(), s.dbUser(), s.dbPassword(), s.dataDir());
    JdbcMessageStore store = new JdbcMessageStore(database.dataSource());
    JdbcOutbox outbox = new JdbcOutbox(store);
    ProviderSettings p = s.providers();
    Duration timeout = s.timers().providerTimeout();
    Map<Channel, ProviderClient> clients = new EnumMap<>(Channel.class);
    clients.put(Channel.SMS, new TwilioClient(p.twilio().baseUrl(), p.twilio().accountSid(), p.twilio().authToken(),
        p.twilio().from(), p.twilio().messagingServiceSid(), s.publicUrl(), timeout));
    clients.put(Channel.WHATSAPP, new WhatsAppClient(p.whatsapp().baseUrl(), p.whatsapp().apiVersion(),
        p.whatsapp().phoneNumberId(), p.whatsapp().accessToken(), timeout));
    clients.put(Channel.VIBER, new ViberClient(p.viber().baseUrl(), p.viber().authToken(), p.viber().senderName(),
        timeout));
    HandOffPolicy policy = new HandOffPolicy(s.timers().handoffMaxAttempts(), s.timers().handoffFirstBackoff(),
        s.timers().handoffBackoffMax());
    HandOff handOff = new HandOff(store, outbox, clients::get, policy, clock);
    HandOffWorker worker = new HandOffWorker(outbox, handOff, clock, timeout, s.timers().workerPollInterval());
    JdbcHubSpotOutbox hubspotOutbox = new JdbcHubSpotOutbox(store);
    HubSpotPusher pusher = new HubSpotPusher(hubspotOutbox,
        new HubSpotClient(p.hubspot().baseUrl(), p.hubspot().accessToken(), p.hubspot().eventTemplateId(), timeout,
            clock),
        clock, HubSpotPusher.Settings.defaults(timeout, p.hubspot().batchSize(), HubSpotPusher.DEFAULT_POLL_INTERVAL));
    store.afterQueuing(kinds -> {
      if (kinds.contains(OutboxItem.HANDOFF)) {
        worker.wake();
      }
      if (kinds.contains(OutboxItem.HUBSPOT)) {
        pusher.wake();
      }
    });
    SendMessage send = new SendMessage(store, clock);
    ReportIntake intake = new ReportIntake(store, clock);
    ApiKeys keys = ApiKeys.from(s.apiKeys(), s.dataDir());
    JdbcSurfaceQueries surfaces = new JdbcSurfaceQueries(store);
    HttpServer http = new HttpServer(List.of(
        new PublicApiRoutes(send, store, keys, s.rateLimit(), clock, Map.of(
            "provider_timeout", s.timers().providerTimeout(), "reconcile_after", s.timers().reconcileAfter()),
            Optional.of(hubspotOutbox)),
        new TwilioWebhookRoutes(p.twilio().authToken(), s.publicUrl(), intake),
        new WhatsAppWebhookRoutes(p.whatsapp().appSecret(), p.whatsapp().verifyToken(), intake),
        new ViberWebhookRoutes(p.viber().authToken(), intake),
        new IntercomRoutes(surfaces, store, keys, s.intercomClientSecret(), s.intercomWorkspaces()),
        new ReachRoutes(surfaces, store, keys, s.intercomClientSecret(), s.intercomWorkspaces())));
    JdbcReconciliationQueries reconciliationQueries = new JdbcReconciliationQueries(store);
    ReconciliationWorker reconciliation = new ReconciliationWorker(reconciliationQueries,
        new TwilioReconciler(p.twilio().baseUrl(), p.twilio().accountSid(), p.twilio().authToken(), timeout, intake,
            reconciliationQueries, clock),
        ReconciliationPolicy.of(s.timers().reconcileAfter()), clock);
    OrphanPurge orphanPurge = new OrphanPurge(store, s.timers().orphanRetention(), clock);
    try {
      http.start(s.host(), s.port());
    } catch (RuntimeException e) { // the port is taken, say: nothing was started but the database's pool
      database.close();
      throw e;
    }
    worker.start();
    pusher.start();
    reconciliation.start();
    orphanPurge.start();
    return new OctopodsService(s, database, http,
        List.of(orphanPurge::close, reconciliation::close, pusher::close, worker::close), keys);
  }

  public int port() {
    return http.port();
  }

  public String baseUrl() {
    return "http://" + settings.host() + ":" + port();
  }

  /** The demo workspace's key when no keys are configured. */
  public Optional<String> demoKey() {
    return apiKeys.demoKey();
  }

  @Override
  public void close() {
    workersToClose.forEach(Runnable::run);
    http.close();
    database.close();
  }
}
