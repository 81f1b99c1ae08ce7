package io.octopods.simulator.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One status report read from a callback body, in the terms of a scenario step.
 *
 * @param providerMessageId the provider's id of the message it is about; null when it names none
 * @param word the provider's own status word
 * @param providerMillis when the provider says it happened, in Unix milliseconds (WhatsApp's
 *     seconds times 1000, Viber's milliseconds); empty where the provider sends no readable time
 * @param providerTimestamp that time as the provider wrote it, for when it cannot become {@code at}
 * @param error the step's {@code error}: the code (Twilio, WhatsApp) or the description (Viber)
 *     that makes the simulator write what was received
 * @param fields what the simulator would not write by itself: unknown extra fields, and known ones
 *     whose absence or value it cannot produce otherwise (null deletes)
 * @param entry the {@code entry[]} index it came in (WhatsApp; 0 elsewhere)
 * @param change the {@code changes[]} index within that entry (WhatsApp; 0 elsewhere)
 */
record StatusItem(
    String providerMessageId,
    String word,
    Optional<Long> providerMillis,
    Optional<JsonNode> providerTimestamp,
    Optional<String> error,
    ObjectNode fields,
    int entry,
    int change) {}
