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
import io.octopods.service.adapters.persistence.JdbcSurfaceQueries;
import io.octopods.service.adapters.persistence.OrphanPurge;
import io.octopods.service.adapters.reconciliation.ReconciliationPolicy;
import io.octopods.service.adapters.reconciliation.ReconciliationWorker;
import io.octopods.service.adapters.reconciliation.twilio.TwilioReconciler;
import io.octopods.service.adapters.surfaces.hubspot.HubSpotClient;
import io.octopods.service.adapters.surfaces.hubspot.HubSpotPusher;
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

/**
 * The status service, wired: database, store, use cases, provider clients, workers and the HTTP
 * server.
 */
public final class OctopodsService implements AutoCloseable {
  private final Database database;
  private final HttpServer http;
  private final List<Runnable> workersToClose;
  private final ApiKeys apiKeys;
  private final ServiceSettings settings;

  private OctopodsService(
      ServiceSettings settings,
      Database database,
      HttpServer http,
      List<Runnable> workersToClose,
      ApiKeys apiKeys) {
    this.workersToClose = workersToClose;
    this.settings = settings;
    this.database = database;
    this.http = http;
    this.apiKeys = apiKeys;
  }

  public static OctopodsService start(ServiceSettings settings) {
    Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    Database database =
        Database.open(
            settings.dbUrl(), settings.dbUser(), settings.dbPassword(), settings.dataDir());
    JdbcMessageStore store = new JdbcMessageStore(database);
    JdbcOutbox outbox = new JdbcOutbox(store);
    ProviderSettings providers = settings.providers();
    ProviderSettings.Twilio twilio = providers.twilio();
    ProviderSettings.WhatsApp whatsapp = providers.whatsapp();
    ProviderSettings.Viber viber = providers.viber();
    ProviderSettings.HubSpot hubspot = providers.hubspot();
    ServiceSettings.Timers timers = settings.timers();
    Duration timeout = timers.providerTimeout();
    Map<Channel, ProviderClient> clients = new EnumMap<>(Channel.class);
    clients.put(
        Channel.SMS,
        new TwilioClient(
            twilio.baseUrl(),
            twilio.accountSid(),
            twilio.authToken(),
            twilio.from(),
            twilio.messagingServiceSid(),
            settings.publicUrl(),
            timeout));
    clients.put(
        Channel.WHATSAPP,
        new WhatsAppClient(
            whatsapp.baseUrl(),
            whatsapp.apiVersion(),
            whatsapp.phoneNumberId(),
            whatsapp.accessToken(),
            timeout));
    clients.put(
        Channel.VIBER,
        new ViberClient(viber.baseUrl(), viber.authToken(), viber.senderName(), timeout));
    HandOffPolicy policy =
        new HandOffPolicy(
            timers.handoffMaxAttempts(), timers.handoffFirstBackoff(), timers.handoffBackoffMax());
    HandOff handOff = new HandOff(store, outbox, clients::get, policy, clock);
    HandOffWorker worker =
        new HandOffWorker(outbox, handOff, clock, timeout, timers.workerPollInterval());
    JdbcHubSpotOutbox hubspotOutbox = new JdbcHubSpotOutbox(store);
    HubSpotPusher pusher =
        new HubSpotPusher(
            hubspotOutbox,
            new HubSpotClient(
                hubspot.baseUrl(),
                hubspot.accessToken(),
                hubspot.eventTemplateId(),
                timeout,
                clock),
            clock,
            HubSpotPusher.Settings.defaults(
                timeout, hubspot.batchSize(), HubSpotPusher.DEFAULT_POLL_INTERVAL));
    store.afterQueuing(
        kinds -> {
          if (kinds.contains(OutboxItem.HANDOFF)) {
            worker.wake();
          }
          if (kinds.contains(OutboxItem.HUBSPOT)) {
            pusher.wake();
          }
        });
    SendMessage send = new SendMessage(store, clock);
    ReportIntake intake = new ReportIntake(store, clock);
    ApiKeys keys = ApiKeys.from(settings.apiKeys(), settings.dataDir());
    JdbcSurfaceQueries surfaces = new JdbcSurfaceQueries(store);
    HttpServer http =
        new HttpServer(
            List.of(
                new PublicApiRoutes(
                    send,
                    store,
                    keys,
                    settings.rateLimit(),
                    clock,
                    Map.of(
                        "provider_timeout",
                        timers.providerTimeout(),
                        "reconcile_after",
                        timers.reconcileAfter()),
                    Optional.of(hubspotOutbox)),
                new TwilioWebhookRoutes(twilio.authToken(), settings.publicUrl(), intake),
                new WhatsAppWebhookRoutes(whatsapp.appSecret(), whatsapp.verifyToken(), intake),
                new ViberWebhookRoutes(viber.authToken(), intake),
                new IntercomRoutes(
                    surfaces,
                    store,
                    keys,
                    settings.intercomClientSecret(),
                    settings.intercomWorkspaces()),
                new ReachRoutes(
                    surfaces,
                    store,
                    keys,
                    settings.intercomClientSecret(),
                    settings.intercomWorkspaces())));
    JdbcReconciliationQueries reconciliationQueries = new JdbcReconciliationQueries(store);
    ReconciliationWorker reconciliation =
        new ReconciliationWorker(
            reconciliationQueries,
            new TwilioReconciler(
                twilio.baseUrl(),
                twilio.accountSid(),
                twilio.authToken(),
                timeout,
                intake,
                reconciliationQueries,
                clock),
            ReconciliationPolicy.of(timers.reconcileAfter()),
            clock);
    OrphanPurge orphanPurge = new OrphanPurge(store, timers.orphanRetention(), clock);
    try {
      http.start(settings.host(), settings.port());
    } catch (
        RuntimeException e) { // the port is taken, say: nothing was started but the database's pool
      database.close();
      throw e;
    }
    worker.start();
    pusher.start();
    reconciliation.start();
    orphanPurge.start();
    return new OctopodsService(
        settings,
        database,
        http,
        List.of(orphanPurge::close, reconciliation::close, pusher::close, worker::close),
        keys);
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
