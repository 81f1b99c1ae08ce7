package io.octopods.service.adapters.clients;

import io.octopods.service.application.MessageRecord;
import io.octopods.service.domain.Channel;
import io.octopods.service.domain.Status;
import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A simulator's admin API as the client tests use it: scenarios, bindings, what it received. */
public final class SimulatorAdmin {
  private static final AtomicInteger NUMBERS = new AtomicInteger();

  private final String provider;
  private final String baseUrl;
  private final SimulatorClient admin;

  public SimulatorAdmin(Simulators sims, String provider) {
    this.provider = provider;
    this.baseUrl = sims.baseUrl(provider);
    this.admin = sims.client();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A recipient no other test of this run uses. */
  public static String freshRecipient() {
    return "+1555" + (2_000_000 + NUMBERS.incrementAndGet());
  }

  /** A queued message to {@code to}, as the hand-off hands it to a client. */
  public static MessageRecord message(Channel channel, String to) {
    Instant now = Instant.now();
    return new MessageRecord(
        UUID.randomUUID().toString(),
        "demo",
        channel,
        to,
        "Hello from Octopods 👋",
        Optional.empty(),
        Optional.empty(),
        Status.QUEUED,
        now,
        now,
        Optional.empty(),
        Map.of(Status.QUEUED, now));
  }

  public SimulatorClient.Info info() {
    return admin.info(provider);
  }

  public Map<String, String> credentials() {
    return info().credentials();
  }

  /** Uploads a scenario (YAML) and binds it to {@code to}. */
  public void play(String to, String scenarioYaml) {
    admin.bind(provider, to, admin.upload(provider, scenarioYaml).id());
  }

  /** What the simulator received for {@code to}. */
  public List<SimulatorClient.Message> messages(String to) {
    return admin.messages(provider, to);
  }
}
