package io.octopods.service.adapters.surfaces.hubspot;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The HubSpot simulator's admin API as these tests use it: timelines, limits, its virtual clock,
 * reset.
 */
final class SimulatedHubSpot {
  private final String baseUrl;
  private final SimulatorClient admin;

  SimulatedHubSpot(Simulators sims) {
    this.baseUrl = sims.baseUrl("hubspot");
    this.admin = sims.client();
  }

  String baseUrl() {
    return baseUrl;
  }

  /** A contact no other test of this run uses. */
  static String freshEmail() {
    return "contact-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
  }

  String accessToken() {
    return admin.info("hubspot").credentials().get("access_token");
  }

  String eventTemplateId() {
    return admin.info("hubspot").credentials().get("event_template_id");
  }

  /** Forgets every timeline and limit. */
  void reset() {
    admin.reset("hubspot");
  }

  /** Changes HubSpot's rate limit or its injected failures. */
  void limits(SimulatorClient.HubSpotLimits.Change change) {
    admin.setHubSpotLimits(change);
  }

  /** Every event for the contact is refused with {@code status} (400, 404). */
  void refuse(String email, int status) {
    admin.refuse(email, status);
  }

  /** HubSpot takes every contact's events again. */
  void liftRefusals() {
    admin.liftRefusals();
  }

  /** Moves the simulator's virtual clock (and so its rate window) forward. */
  void advance(Duration by) {
    admin.advance(by);
  }

  /** The contact's events in the order received. */
  List<SimulatorClient.TimelineEvent> timeline(String email) {
    return admin.timeline(email);
  }

  /** The ids of the contact's events in the order received. */
  List<String> ids(String email) {
    return timeline(email).stream().map(SimulatorClient.TimelineEvent::id).toList();
  }
}
