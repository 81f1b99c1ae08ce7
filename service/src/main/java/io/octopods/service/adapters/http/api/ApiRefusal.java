package io.octopods.service.adapters.http.api;

import io.javalin.http.Context;
import io.octopods.service.adapters.http.Problem;
import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown inside the public API to answer with a problem and the headers that go with it. */
final class ApiRefusal extends RuntimeException {
  private final transient Problem problem;
  private final Map<String, String> headers = new LinkedHashMap<>();

  ApiRefusal(Problem problem) {
    super(problem.title() + ": " + problem.detail(), null, false, false);
    this.problem = problem;
  }

  ApiRefusal withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Problem problem() {
    return problem;
  }

  Map<String, String> headers() {
    return Map.copyOf(headers);
  }

  void writeTo(Context ctx) {
    headers.forEach(ctx::header);
    problem.writeTo(ctx);
  }
}
