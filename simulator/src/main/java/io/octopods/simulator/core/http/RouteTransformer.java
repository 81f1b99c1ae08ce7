package io.octopods.simulator.core.http;

import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

/**
 * The WireMock extension that hands a request matched by one of our stubs to its route's handler.
 */
final class RouteTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "octopods-route";
  static final String ROUTE = "route";
  private final Map<String, Route> routes = new ConcurrentHashMap<>();

  void add(Route route) {
    routes.put(route.name(), route);
  }

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Route route = routes.get(event.getTransformerParameters().getString(ROUTE));
    Matcher path = route.path().matcher(pathOf(event.getRequest().getUrl()));
    path.matches();
    try {
      return route.handler().handle(event.getRequest(), path);
    } catch (RuntimeException e) {
      return Responses.problem(
          500,
          "Simulator fault",
          "the simulator failed on "
              + event.getRequest().getMethod()
              + " "
              + event.getRequest().getUrl()
              + ": "
              + e
              + ". This is a bug of the simulator; please report it with this message.");
    }
  }

  static String pathOf(String url) {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public String getName() {
    return NAME;
  }
}
