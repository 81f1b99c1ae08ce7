package io.octopods.stack.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.octopods.contracts.StatusModel;
import io.octopods.simulator.SimulatorClient;
import io.octopods.stack.support.StackHttp;
import io.octopods.stack.support.StackUnderTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * I10 and I2/I3 on every surface, read the way each surface's user reads it: the API, HubSpot's
 * timeline (from the HubSpot simulator), Intercom's Inbox label and Reach's current step. The
 * labels are status-model.md section 5 as the contracts' oracle ({@link StatusModel}) holds them,
 * apart from the service's own mapping.
 */
final class E2eSurfaces {
  private E2eSurfaces() {}

  /** What Intercom's Inbox and Reach show now, as statuses: [inbox, reach]. */
  static List<String> sample(StackUnderTest stack, String messageId) {
    Map<String, String> auth = StackUnderTest.auth(StackUnderTest.API_KEY);
    String label =
        StackHttp.call(
                "GET", stack.service() + "/surfaces/intercom/messages/" + messageId, auth, null)
            .expect(200)
            .json()
            .at("/delivery_status/label")
            .asText();
    String step =
        StackHttp.call(
                "GET",
                stack.service() + "/surfaces/reach/messages/" + messageId + "/timeline",
                auth,
                null)
            .expect(200)
            .json()
            .path("current")
            .asText();
    return List.of(statusOf(StatusModel.INBOX, label), statusOf(StatusModel.REACH, step));
  }

  /**
   * I2/I3 on Intercom and Reach: between two samples neither surface went back, nor left a terminal
   * status.
   */
  static void neverWentBack(List<String> earlier, List<String> later, String where) {
    for (int i = 0; i < earlier.size(); i++) {
      String before = earlier.get(i);
      String after = later.get(i);
      String surface = i == 0 ? "Intercom" : "Reach";
      if ("FAILED".equals(before) || "DELETED".equals(before)) {
        assertThat(after).as("I3/I4 on " + surface + "; " + where).isEqualTo(before);
      } else if (!"FAILED".equals(after)) {
        assertThat(StatusModel.rank(after))
            .as("I2 on " + surface + " (" + before + " -> " + after + "); " + where)
            .isGreaterThanOrEqualTo(StatusModel.rank(before));
      }
    }
  }

  private static String statusOf(Map<String, String> labels, String label) {
    return Optional.ofNullable(StatusModel.statusOfLabel(labels, label))
        .orElseThrow(
            () ->
                new AssertionError(
                    "I1: '" + label + "' is not one of the labels " + labels.values()));
  }

  /**
   * Once the system is quiet, every surface shows the API's status; HubSpot's events never went
   * backwards.
   */
  static void agree(
      StackUnderTest stack, String channel, String messageId, String email, String where) {
    JsonNode api = stack.message(channel, messageId).path("message_status");
    String status = api.path("message_status").asText();

    List<String> hubspot = new ArrayList<>();
    for (SimulatorClient.TimelineEvent e : stack.admin().timeline(email)) {
      if (messageId.equals(e.tokens().path("message_id").asText())) {
        hubspot.add(e.tokens().path("status").asText());
      }
    }
    assertThat(hubspot)
        .as("I10: HubSpot's newest event shows the API's status; " + where)
        .isNotEmpty()
        .last()
        .isEqualTo(status);
    assertThat(hubspot)
        .as("HubSpot events are immutable: one per public status; " + where)
        .doesNotHaveDuplicates();
    for (int i = 1; i < hubspot.size(); i++) {
      String before = hubspot.get(i - 1);
      String after = hubspot.get(i);
      assertThat(before)
          .as("I3/I4: nothing follows FAILED on HubSpot; " + where)
          .isNotEqualTo("FAILED");
      if (!"FAILED".equals(after)) {
        assertThat(StatusModel.rank(after))
            .as("I2: HubSpot never goes back (" + before + " -> " + after + "); " + where)
            .isGreaterThan(StatusModel.rank(before));
      }
    }

    Map<String, String> auth = StackUnderTest.auth(StackUnderTest.API_KEY);
    JsonNode inbox =
        StackHttp.call(
                "GET", stack.service() + "/surfaces/intercom/messages/" + messageId, auth, null)
            .expect(200)
            .json();
    assertThat(inbox.at("/delivery_status/label").asText())
        .as("I10: Intercom's label; " + where)
        .isEqualTo(StatusModel.INBOX.get(status));
    JsonNode reach =
        StackHttp.call(
                "GET",
                stack.service() + "/surfaces/reach/messages/" + messageId + "/timeline",
                auth,
                null)
            .expect(200)
            .json();
    assertThat(reach.path("current").asText())
        .as("I10: Reach's current step; " + where)
        .isEqualTo(StatusModel.REACH.get(status));
    assertThat(reach.path("terminal").asBoolean())
        .as("Reach closes with the API; " + where)
        .isEqualTo(api.path("terminal").asBoolean());
  }
}
