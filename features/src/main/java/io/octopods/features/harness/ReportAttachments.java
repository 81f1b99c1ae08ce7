package io.octopods.features.harness;

import io.qameta.allure.Allure;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests, answers and journals, attached to the running scenario in the Allure results. */
final class ReportAttachments {
  private ReportAttachments() {}

  /** Attaches a call, except the polls the harness makes while it waits (health, admin reads). */
  static void call(Call call) {
    if (!inTest()
        || call.url().endsWith("/health")
        || ("GET".equals(call.method()) && call.url().contains("/__"))) {
      return;
    }
    String request =
        call.method()
            + " "
            + call.url()
            + "\n"
            + headers(call.requestHeaders())
            + (call.requestBody() == null ? "" : "\n\n" + call.requestBody());
    String answer =
        call.status()
            + "\n"
            + call.responseHeaders().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"))
            + "\n\n"
            + call.body();
    Allure.addAttachment(
        call.method() + " " + call.url() + " -> " + call.status(),
        "text/plain",
        request + "\n\n--- answer ---\n" + answer,
        ".txt");
  }

  static void json(String name, String body) {
    if (inTest()) {
      Allure.addAttachment(name, "application/json", body, ".json");
    }
  }

  static void text(String name, String body) {
    if (inTest()) {
      Allure.addAttachment(name, "text/plain", body, ".txt");
    }
  }

  private static String headers(Map<String, String> headers) {
    return headers.entrySet().stream()
        .map(
            e ->
                e.getKey()
                    + ": "
                    + ("Authorization".equalsIgnoreCase(e.getKey()) ? "Bearer ***" : e.getValue()))
        .collect(Collectors.joining("\n"));
  }

  private static boolean inTest() {
    return Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent();
  }
}
