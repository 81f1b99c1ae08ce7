package io.octopods.service.adapters.http;

import io.javalin.Javalin;
import io.octopods.service.application.ports.MessageStore;
import java.util.List;

/** The service's one HTTP server: every adapter's routes, and every failure answered as problem+json. */
public final class HttpServer implements AutoCloseable {
  /** Bodies over this are refused with {@code 413} before a handler reads them. */
  public static final long MAX_BODY = 3L * 1024 * 1024;

  private final Javalin app;

  public HttpServer(List<RouteGroup> groups) {
    this.app = Javalin.create(config -> {
      config.http.maxRequestSize = MAX_BODY;
      config.startup.showJavalinBanner = false;
      // what Jetty refuses before routing (a URI such as %00, a URI or headers over its limits) is a problem too
      config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
      groups.forEach(g -> g.register(config.routes));
      config.routes.exception(Problem.Raised.class, (e, ctx) -> e.problem().writeTo(ctx));
      config.routes.exception(MessageStore.StorageUnavailable.class, (e, ctx) -> {
        ctx.header("Retry-After", "5");
        Problem.of(503, "Storage unavailable", "the service cannot store anything right now (" + e.getMessage()
            + "); nothing was stored: retry later").writeTo(ctx);
      });
      config.routes.exception(Exception.class, (e, ctx) -> Problem.of(500, "Internal error",
          "the service failed on " + ctx.method() + " " + ctx.path() + ": " + e
              + ". Nothing you sent is lost if you retry; please report this").writeTo(ctx));
      config.routes.error(404, "*", ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          Problem.of(404, "Not found", "there is no " + ctx.method() + " " + ctx.path()
              + "; see the README's API table").writeTo(ctx);
        }
      });
      config.routes.error(413, "*", ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          Problem.of(413, "Content too large", "the request body is over the limit; send a smaller one").writeTo(ctx);
        }
      });
    });
  }

  public HttpServer start(String host, int port) {
    app.start(host, port);
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
