package io.octopods.service.adapters.http.api;

import java.util.List;
import java.util.Map;

/**
 * The query of a history read: {@code include=raw} adds each event's raw payload. An empty value
 * counts as not given; any other value, or {@code include} given twice, is refused at {@code
 * #/query/include}.
 */
record HistoryQuery(boolean raw) {
  static final String INCLUDE = "include";
  static final String RAW = "raw";

  /** The query, or a {@code 400} naming what is wrong with {@code include}. */
  static HistoryQuery from(Map<String, List<String>> parameters) {
    List<String> values =
        parameters.getOrDefault(INCLUDE, List.of()).stream().filter(v -> !v.isEmpty()).toList();
    if (values.size() > 1) {
      throw ApiProblems.invalid(
          ListQuery.pointer(INCLUDE), "is given " + values.size() + " times: give it once");
    }
    if (values.isEmpty()) {
      return new HistoryQuery(false);
    }
    if (!values.get(0).equals(RAW)) {
      throw ApiProblems.invalid(
          ListQuery.pointer(INCLUDE),
          "'"
              + values.get(0)
              + "' is not something a history can include: expected "
              + RAW
              + " (each event's payload as received), or leave include out");
    }
    return new HistoryQuery(true);
  }
}
