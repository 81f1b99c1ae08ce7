package io.octopods.simulator.twilio.sdk;

import com.twilio.http.NetworkHttpClient;
import java.net.URI;
import org.apache.http.HttpException;
import org.apache.http.HttpHost;
import org.apache.http.conn.routing.HttpRoute;
import org.apache.http.conn.routing.HttpRoutePlanner;
import org.apache.http.impl.client.HttpClientBuilder;

/**
 * twilio-java's own {@link NetworkHttpClient}, whose connections for {@code api.twilio.com} go to
 * the simulator, as a hosts-file entry would send them: the SDK builds the URL, the {@code Host}
 * header, authentication, the form and the paging links exactly as it does against Twilio; only the
 * socket opens on the simulator's plain HTTP port. Any other host is refused, so a call the SDK
 * would make elsewhere fails instead of leaving the machine.
 */
final class SimulatorRoutedHttpClient extends NetworkHttpClient {
  static final String TWILIO_API_HOST = "api.twilio.com";

  SimulatorRoutedHttpClient(URI simulator) {
    super(
        HttpClientBuilder.create()
            .setRoutePlanner(
                planner(
                    new HttpHost(
                        simulator.getHost(), simulator.getPort(), simulator.getScheme()))));
  }

  private static HttpRoutePlanner planner(HttpHost simulator) {
    return (target, request, context) -> {
      if (!TWILIO_API_HOST.equalsIgnoreCase(target.getHostName())) {
        throw new HttpException(
            "twilio-java called "
                + target
                + ", but only "
                + TWILIO_API_HOST
                + " is routed to the simulator at "
                + simulator
                + ": unset TWILIO_REGION and TWILIO_EDGE, or route "
                + "that host too");
      }
      return new HttpRoute(simulator);
    };
  }
}
