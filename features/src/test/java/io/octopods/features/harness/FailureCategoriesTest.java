package io.octopods.features.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.octopods.contracts.ContractBreach;
import io.octopods.contracts.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Allure categories of {@code reports/src/main/allure/categories.json} sort the failures the
 * harness really throws: each lands in exactly one category, the right one. A result matches a
 * category the way Allure 2.34's {@code CategoriesPlugin} decides it: its status is one of {@code
 * matchedStatuses}, and {@code messageRegex} and {@code traceRegex}, where given, match the whole
 * message and trace ({@code Pattern.DOTALL}).
 */
class FailureCategoriesTest {
  private static JsonNode categories;

  @BeforeAll
  static void read() throws IOException {
    categories =
        new ObjectMapper()
            .readTree(
                Path.of("..", "reports", "src", "main", "allure", "categories.json").toFile());
  }

  @Test
  void aContractBreachIsAContractBreach() {
    Verdict verdict =
        new Verdict(
            "public-api",
            "service",
            "inbound",
            "contracts/service/openapi.yaml",
            List.of(
                new ContractBreach(
                    "contracts/service/openapi.yaml",
                    "/message_status/message_status",
                    "does not match the pattern ^[A-Z]+$")));
    Throwable breach = new Wire.ContractBreachError(verdict, verdict.breaches().get(0));

    assertThat(categoriesOf("failed", breach)).containsExactly("Contract breach");
  }

  @Test
  void aBrokenInvariantIsAnInvariantBroken() {
    Throwable broken =
        catchThrowable(
            () ->
                new Ledger(List.of())
                    .invariant(
                        "I10",
                        false,
                        "Reach shows SENT but the API shows DELIVERED; after the clock settled"));
    Throwable described =
        catchThrowable(
            () -> assertThat("SENT").as("I2: the status never goes back").isEqualTo("DELIVERED"));

    assertThat(categoriesOf("failed", broken)).containsExactly("Invariant broken");
    assertThat(categoriesOf("failed", described)).containsExactly("Invariant broken");
  }

  @Test
  void aMisbehavingSimulatorIsTheProviderSimulator() {
    Throwable admin =
        new AssertionError(
            "the twilio simulator refused to bind twilio-happy-path: answered 500 (boom)");

    assertThat(categoriesOf("failed", admin)).containsExactly("Provider simulator");
  }

  @Test
  void aTargetThatCannotBeReachedIsInfrastructure() {
    Throwable unreachable =
        new Wire.TargetUnreachable(
            "GET http://127.0.0.1:9/health: connection refused",
            new ConnectException("Connection refused"));
    Throwable timedOut =
        new AssertionError(
            "the hand-off settled",
            new org.awaitility.core.ConditionTimeoutException(
                "Condition was not fulfilled within 10 seconds."));

    assertThat(categoriesOf("broken", unreachable)).containsExactly("Infrastructure");
    assertThat(categoriesOf("failed", timedOut)).containsExactly("Infrastructure");
  }

  @Test
  void aPlainWrongAnswerIsLeftToAllureAsAProductDefect() {
    Throwable wrong = catchThrowable(() -> assertThat("SENT").isEqualTo("DELIVERED"));

    assertThat(categoriesOf("failed", wrong)).isEmpty();
  }

  /**
   * The names of the categories the failure matches, as Allure matches them, duplicates merged in
   * order.
   */
  private static List<String> categoriesOf(String status, Throwable failure) {
    String message = String.valueOf(failure.getMessage());
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    List<String> names = new ArrayList<>();
    for (JsonNode c : categories) {
      boolean statusMatches =
          c.path("matchedStatuses").isEmpty() || contains(c.path("matchedStatuses"), status);
      if (statusMatches
          && matches(c.path("messageRegex"), message)
          && matches(c.path("traceRegex"), trace.toString())
          && !names.contains(c.path("name").asText())) {
        names.add(c.path("name").asText());
      }
    }
    return names;
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (value.equals(v.asText())) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(JsonNode regex, String text) {
    return regex.isMissingNode()
        || Pattern.compile(regex.asText(), Pattern.DOTALL).matcher(text).matches();
  }
}
