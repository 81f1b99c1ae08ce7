package io.octopods.features.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The HTML report of a gate run, {@code <report-dir>/allure-report/index.html}: one self-contained
 * file made from {@code <report-dir>/allure-results}, with the failure categories of the reports
 * module ({@code reports/src/main/allure/categories.json}) and the run's target as its environment.
 */
final class AllureHtmlReport {
  private AllureHtmlReport() {}

  /** Makes the report; answers its {@code index.html}. */
  static Path make(Path results, Path report, String target)
      throws IOException, InterruptedException {
    Files.createDirectories(results);
    try (InputStream categories =
        AllureHtmlReport.class.getClassLoader().getResourceAsStream("allure/categories.json")) {
      if (categories != null) {
        Files.copy(
            categories, results.resolve("categories.json"), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Properties environment = new Properties();
    environment.setProperty("Target", target);
    environment.setProperty(
        "Java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    environment.setProperty("Allure command line", AllureCommandLine.VERSION);
    try (OutputStream out = Files.newOutputStream(results.resolve("environment.properties"))) {
      environment.store(out, "./octopods check");
    }
    AllureCommandLine.find().generate(results, report);
    return report.resolve("index.html");
  }
}
