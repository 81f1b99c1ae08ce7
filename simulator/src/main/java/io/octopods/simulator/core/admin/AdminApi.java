package io.octopods.simulator.core.admin;

import io.octopods.simulator.core.ProviderSimulator;
import io.octopods.simulator.core.SimulatorContext;
import io.octopods.simulator.core.http.Responses;
import io.octopods.simulator.core.http.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The admin API under {@code /__sim/} on one provider's port: our dialect, problem+json errors. */
public final class AdminApi {
  private AdminApi() {}

  public static List<Route> routes(
      ProviderSimulator provider,
      SimulatorContext ctx,
      List<ProviderSimulator> all,
      Supplier<String> baseUrl) {
    return routes(provider, ctx, all, baseUrl, Optional::empty);
  }

  /**
   * As above; {@code httpsBaseUrl} is the provider's TLS port, shown by {@code /__sim/info} when
   * there is one.
   */
  public static List<Route> routes(
      ProviderSimulator provider,
      SimulatorContext ctx,
      List<ProviderSimulator> all,
      Supplier<String> baseUrl,
      Supplier<Optional<String>> httpsBaseUrl) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(new ProviderAdmin(provider, ctx, baseUrl, httpsBaseUrl).routes());
    routes.addAll(new ScenarioAdmin(provider.name(), ctx.catalog()).routes());
    routes.addAll(new PlaybackAdmin(provider, ctx, all).routes());
    List<Route> guarded = new ArrayList<>(routes.stream().map(AdminApi::guarded).toList());
    guarded.add(
        Route.of(
            "admin.unknown",
            "ANY",
            "/__sim/.*",
            Route.FALLBACK,
            (r, m) ->
                Responses.problem(
                    404,
                    "Unknown admin call",
                    r.getMethod()
                        + " "
                        + r.getUrl()
                        + " is not an admin call; see the admin API table in the README (GET /__sim/info, /__sim/scenarios, ...)")));
    return guarded;
  }

  private static Route guarded(Route route) {
    return new Route(
        route.name(),
        route.method(),
        route.path(),
        route.priority(),
        (request, path) -> {
          try {
            return route.handler().handle(request, path);
          } catch (AdminRequests.BadAdminRequest e) {
            return Responses.problem(400, "Bad request", e.getMessage());
          }
        });
  }
}
