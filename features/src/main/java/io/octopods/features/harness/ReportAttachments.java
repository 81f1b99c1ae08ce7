package io.octopods.features.harness;

import io.qameta.allure.Allure;

/** Requests, answers and journals, attached to the running scenario in the Allure results. */
final class ReportAttachments {
  private ReportAttachments() {}

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

  static boolean inTest() {
    return Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent();
  }
}
