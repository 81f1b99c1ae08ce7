package io.octopods.service.adapters.surfaces.intercom;

import static org.assertj.core.api.Assertions.assertThat;

import io.octopods.service.domain.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The JSON read {@code GET /surfaces/intercom/messages/{id}} (api.md, "Surfaces"), for each row of
 * section 5.
 */
class IntercomDeliveryStatusTest {

  @ParameterizedTest(name = "{0} -> {1} ({2})")
  @CsvSource({
    "QUEUED,    Send Attempted,  clock",
    "UNKNOWN,   Send Attempted,  clock",
    "SENT,      Sent,            check",
    "DELIVERED, Delivered,       check-double",
    "READ,      Read,            eye",
    "FAILED,    Delivery Failed, x-circle",
    "DELETED,   Deleted,         trash"
  })
  void theDeliveryStatusIsTheLabelAndIconOfTheStatus(Status status, String label, String icon) {
    assertThat(
            IntercomRoutes.deliveryStatus(InboxCanvasesTest.message(3, "ann@example.com", status))
                .toString())
        .isEqualTo(
            "{\"message_id\":\""
                + InboxCanvasesTest.id(3)
                + "\",\"channel\":\"sms\","
                + "\"delivery_status\":{\"label\":\""
                + label
                + "\",\"icon\":\""
                + icon
                + "\"}}");
  }
}
