package io.octopods.service.adapters.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.octopods.service.application.ports.MessageStore;
import java.util.List;

/**
 * The service's one HTTP server: every adapter's routes, and every failure answered as
 * problem+json.
 */
public final class HttpServer implements AutoCloseable {
  /** Bodies over this are refused with {@code 413} before a handler reads them. */
  public static final long MAX_BODY = 3L * 1024 * 1024;

  private final Javalin app;

  public HttpServer(List<RouteGroup> groups) {
    this.app =
        Javalin.create(
            config -> {
              config.http.maxRequestSize = MAX_BODY;
              config.startup.showJavalinBanner = false;
              // what Jetty refuses before routing (a URI such as %00, a URI or headers over its
              // limits) is a problem too
              config.jetty.modifyServer(
                  server -> server.setErrorHandler(new ProblemErrorHandler()));
              groups.forEach(g -> g.register(config.routes));
              config.routes.exception(Problem.Raised.class, (e, ctx) -> e.problem().writeTo(ctx));
              config.routes.exception(
                  MessageStore.StorageUnavailable.class,
                  (e, ctx) -> {
                    ctx.header("Retry-After", "5");
                    Problem.of(
                            503,
                            "Storage unavailable",
                            "the service cannot store anything right now ("
                                + e.getMessage()
                                + "); nothing was stored: retry later")
                        .writeTo(ctx);
                  });
              config.routes.exception(
                  Exception.class,
                  (e, ctx) ->
                      Problem.of(
                              500,
                              "Internal error",
                              "the service failed on "
                                  + ctx.method()
                                  + " "
                                  + ctx.path()
                                  + ": "
                                  + e
                                  + ". Nothing you sent is lost if you retry; please report this")
                          .writeTo(ctx));
              // Javalin answers a path with no route, or a body over maxRequestSize, in text/plain;
              // a route's own 404 or 413
              // is a problem already and is kept
              config.routes.error(
                  404,
                  "*",
                  ctx -> {
                    if (!isProblem(ctx)) {
                      Problem.of(
                              404,
                              "Not found",
                              "there is no "
                                  + ctx.method()
                                  + " "
                                  + ctx.path()
                                  + "; see the README's API table")
                          .writeTo(ctx);
                    }
                  });
              // a Java Error (an assertion, a stack overflow) passes the exception handlers;
              // Javalin answers it in text/plain
              config.routes.error(
                  500,
                  "*",
                  ctx -> {
                    if (!isProblem(ctx)) {
                      Problem.of(
                              500,
                              "Internal error",
                              "the service failed on "
                                  + ctx.method()
                                  + " "
                                  + ctx.path()
                                  + ". Nothing you sent is lost if you retry; please report this")
                          .writeTo(ctx);
                    }
                  });
              config.routes.error(
                  413,
                  "*",
                  ctx -> {
                    if (!isProblem(ctx)) {
                      Problem.of(
                              413,
                              "Content too large",
                              "the request body is over the limit; send a smaller one")
                          .writeTo(ctx);
                    }
                  });
            });
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(Problem.CONTENT_TYPE);
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
