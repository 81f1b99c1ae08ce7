package io.octopods.service.adapters.http.api;

import io.octopods.service.adapters.http.Problem.FieldError;
import io.octopods.service.domain.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The query of a message list: {@code status} (one public status; {@code UNKNOWN} includes {@code
 * QUEUED}), {@code limit} (1 to 100, default 20) and {@code cursor} (the {@code next_cursor} of the
 * page before). An empty value counts as not given; a parameter given twice is refused. Problems
 * point at {@code #/query/<name>}.
 */
record ListQuery(Optional<Status> status, int limit, Optional<String> cursor) {
  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;
  static final List<Status> PUBLIC_STATUSES =
      Arrays.stream(Status.values()).filter(s -> s != Status.QUEUED).toList();

  static String pointer(String parameter) {
    return "#/query/" + parameter;
  }

  /** The query, or a {@code 400} listing every problem with it. */
  static ListQuery from(Map<String, List<String>> parameters) {
    List<FieldError> errors = new ArrayList<>();
    Optional<String> status = single(parameters, "status", errors);
    Optional<String> limit = single(parameters, "limit", errors);
    Optional<String> cursor = single(parameters, "cursor", errors);
    Optional<Status> parsedStatus = status.flatMap(s -> parseStatus(s, errors));
    int parsedLimit = limit.map(l -> parseLimit(l, errors)).orElse(DEFAULT_LIMIT);
    if (!errors.isEmpty()) {
      throw ApiProblems.invalid(errors);
    }
    return new ListQuery(parsedStatus, parsedLimit, cursor);
  }

  private static Optional<String> single(
      Map<String, List<String>> parameters, String name, List<FieldError> errors) {
    List<String> values =
        parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    if (values.size() > 1) {
      errors.add(
          new FieldError(pointer(name), "is given " + values.size() + " times: give it once"));
      return Optional.empty();
    }
    return values.stream().findFirst();
  }

  private static Optional<Status> parseStatus(String value, List<FieldError> errors) {
    Optional<Status> found =
        PUBLIC_STATUSES.stream().filter(s -> s.name().equals(value)).findFirst();
    if (found.isEmpty()) {
      String hint =
          PUBLIC_STATUSES.stream().anyMatch(s -> s.name().equals(value.toUpperCase(Locale.ROOT)))
              ? " (statuses are upper case: " + value.toUpperCase(Locale.ROOT) + ")"
              : "";
      errors.add(
          new FieldError(
              pointer("status"),
              "'"
                  + value
                  + "' is not a public status"
                  + hint
                  + ": expected one of "
                  + PUBLIC_STATUSES.stream().map(Status::name).collect(Collectors.joining(", "))
                  + " (UNKNOWN includes messages still queued)"));
    }
    return found;
  }

  private static int parseLimit(String value, List<FieldError> errors) {
    try {
      int limit = Integer.parseInt(value);
      if (limit >= 1 && limit <= MAX_LIMIT) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add(
        new FieldError(
            pointer("limit"),
            "'"
                + value
                + "' is not a whole number from 1 to "
                + MAX_LIMIT
                + ": give how many messages a page should hold, or leave it out for "
                + DEFAULT_LIMIT));
    return DEFAULT_LIMIT;
  }
}
