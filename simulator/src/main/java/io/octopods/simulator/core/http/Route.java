package io.octopods.simulator.core.http;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP route of a simulator, served as a WireMock stub whose answer our code computes.
 *
 * @param method HTTP method, or {@code ANY}
 * @param path a regular expression over the whole path (no query); groups reach the handler
 * @param priority WireMock stub priority (1 is tried first)
 */
public record Route(String name, String method, Pattern path, int priority, Handler handler) {
  public static final int ADMIN = 1;
  public static final int WIRE = 5;
  public static final int FALLBACK = 10;

  public static Route of(
      String name, String method, String pathRegex, int priority, Handler handler) {
    return new Route(name, method, Pattern.compile(pathRegex), priority, handler);
  }

  /** Computes the answer to a request that matched the route. */
  @FunctionalInterface
  public interface Handler {
    ResponseDefinition handle(Request request, Matcher path);
  }
}
