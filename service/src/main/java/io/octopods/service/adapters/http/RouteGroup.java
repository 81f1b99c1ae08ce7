package io.octopods.service.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * Routes of one adapter (the public API, a provider's webhook, a surface), registered on the one
 * HTTP server.
 */
@FunctionalInterface
public interface RouteGroup {
  void register(RoutesConfig routes);
}
