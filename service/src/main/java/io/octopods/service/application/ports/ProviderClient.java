package io.octopods.service.application.ports;

import io.octopods.service.application.HandOffResult;
import io.octopods.service.application.MessageRecord;

/**
 * A provider's send API: one call, its outcome in our terms. Never throws for a provider's answer.
 */
public interface ProviderClient {
  HandOffResult send(MessageRecord message);
}
