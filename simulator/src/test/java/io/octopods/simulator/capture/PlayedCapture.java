package io.octopods.simulator.capture;

import io.octopods.simulator.SimulatorClient;
import io.octopods.simulator.Simulators;
import io.octopods.simulator.support.CallbackReceiver;
import io.octopods.simulator.support.ProviderClient;
import io.octopods.simulator.twilio.TwilioSignature;
import io.octopods.simulator.twilio.TwilioSimulator;
import io.octopods.simulator.viber.ViberSignature;
import io.octopods.simulator.viber.ViberSimulator;
import io.octopods.simulator.whatsapp.WhatsAppSignature;
import io.octopods.simulator.whatsapp.WhatsAppSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A capture of what the simulators really send: one message played on the virtual clock, each
 * callback as a real receiver got it (headers, body, its own signature verdict), at the scenario
 * clock's time the simulator's journal gives for it.
 */
final class PlayedCapture {
  private PlayedCapture() {}

  /** The provider message id and the capture of its callbacks. */
  record Played(String providerMessageId, Capture capture) {}

  static Played play(Simulators sims, String provider, String scenarioId, String to) {
    sims.client().reset();
    return played(sims, provider, scenarioId, to);
  }

  /** The same with a scenario uploaded first (a reset forgets uploads). */
  static Played playUploaded(Simulators sims, String provider, String yaml, String to) {
    sims.client().reset();
    String id = sims.client().upload(provider, yaml).id();
    return played(sims, provider, id, to);
  }

  private static Played played(Simulators sims, String provider, String scenarioId, String to) {
    SimulatorClient client = sims.client();
    try (CallbackReceiver receiver = new CallbackReceiver()) {
      ProviderClient sender = new ProviderClient(sims, Duration.ofSeconds(5));
      sender.webhooksTo(receiver);
      client.bind(provider, to, scenarioId);
      sender.send(provider, to, "ours-" + scenarioId, receiver);
      String id = client.messages(provider, to).get(0).providerMessageId();
      client.advance("1d");
      List<SimulatorClient.CallbackAttempt> journal = client.callbacks(provider, id);
      List<CallbackReceiver.Received> posts = receiver.posts();
      List<Capture.Callback> callbacks = new ArrayList<>();
      for (int i = 0; i < posts.size(); i++) {
        CallbackReceiver.Received post = posts.get(i);
        String[] uri = post.uri().split("\\?", 2);
        callbacks.add(
            new Capture.Callback(
                journal.get(i).sentAt().orElseThrow(),
                post.method(),
                uri[0],
                uri.length > 1 ? uri[1] : "",
                post.headers(),
                post.text(),
                verdict(provider, receiver, post),
                200,
                1));
      }
      Capture capture =
          new Capture(new Capture.Header(provider, false, Instant.EPOCH), callbacks, List.of());
      return new Played(id, capture);
    }
  }

  /** What a receiver checking the provider's signature with the right secret would say. */
  private static String verdict(
      String provider, CallbackReceiver receiver, CallbackReceiver.Received post) {
    String header =
        switch (provider) {
          case "twilio" -> TwilioSignature.HEADER;
          case "whatsapp" -> WhatsAppSignature.HEADER;
          default -> ViberSignature.HEADER;
        };
    String got = post.header(header);
    if (got == null) {
      return "missing";
    }
    String expected =
        switch (provider) {
          case "twilio" ->
              TwilioSignature.of(
                  TwilioSimulator.AUTH_TOKEN,
                  receiver.url(post.uri()),
                  TwilioCallbackReader.params(post.text(), Optional.empty()));
          case "whatsapp" -> WhatsAppSignature.of(WhatsAppSimulator.APP_SECRET, post.body());
          default -> ViberSignature.of(ViberSimulator.AUTH_TOKEN, post.body());
        };
    return expected.equals(got) ? "valid" : "invalid";
  }
}
