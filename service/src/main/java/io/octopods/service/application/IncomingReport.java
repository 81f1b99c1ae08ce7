package io.octopods.service.application;

import io.octopods.service.domain.Channel;
import java.time.Instant;
import java.util.Optional;

/**
 * One status item a provider reported, as a webhook adapter read it: who it is about, the
 * provider's own word, and the raw item kept as it came.
 *
 * @param providerMessageId the provider's id (Twilio SID, wamid, Viber token digits); empty when
 *     missing
 * @param ourMessageId our own message id echoed back (Twilio StatusCallback query, WhatsApp {@code
 *     biz_opaque_callback_data}); matched first, so a report that beats the send answer is not lost
 */
public record IncomingReport(
    Channel channel,
    Optional<String> providerMessageId,
    Optional<String> ourMessageId,
    String providerWord,
    Optional<Instant> providerTimestamp,
    Optional<String> errorCode,
    Optional<String> errorTitle,
    String rawPayload) {}
