package io.octopods.simulator.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;

/**
 * twilio-java's own HTTP client, with {@code https://api.twilio.com} replaced by the simulator's
 * base URL: the SDK builds, signs and parses everything else unchanged.
 */
final class SimulatorHttpClient extends NetworkHttpClient {
  private static final String TWILIO_API = "https://api.twilio.com";

  private final String base;

  SimulatorHttpClient(String base) {
    this.base = base;
  }

  @Override
  public Response makeRequest(Request request) {
    Request redirected =
        new Request(request.getMethod(), request.getUrl().replace(TWILIO_API, base));
    if (request.getUsername() != null) {
      redirected.setAuth(request.getUsername(), request.getPassword());
    } else if (request.getAuthStrategy() != null) {
      redirected.setAuth(request.getAuthStrategy());
    }
    request
        .getQueryParams()
        .forEach((name, values) -> values.forEach(v -> redirected.addQueryParam(name, v)));
    request
        .getPostParams()
        .forEach((name, values) -> values.forEach(v -> redirected.addPostParam(name, v)));
    request
        .getHeaderParams()
        .forEach((name, values) -> values.forEach(v -> redirected.addHeaderParam(name, v)));
    return super.makeRequest(redirected);
  }
}
