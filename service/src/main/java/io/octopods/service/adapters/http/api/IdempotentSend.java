package io.octopods.service.adapters.http.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.octopods.service.adapters.http.JsonBodies;
import io.octopods.service.adapters.http.Problem;
import io.octopods.service.adapters.http.Problem.FieldError;
import io.octopods.service.application.MessageRecord;
import io.octopods.service.application.SendMessage;
import io.octopods.service.application.ports.MessageStore;
import io.octopods.service.application.ports.MessageStore.IdempotentAnswer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A send with an optional {@code Idempotency-Key} (per workspace): the first answer is kept in the
 * send's own transaction with a SHA-256 of the normalised request (channel, to, body, contact
 * email; so JSON spacing, field order and {@code null} versus absent do not matter); a repeat gets
 * that answer without a second send, the same key with another request gets {@code 409}, and a
 * concurrent first request that lost the race gets the winner's answer.
 */
final class IdempotentSend {
  static final String HEADER = "Idempotency-Key";
  static final String POINTER = "#/header/" + HEADER;
  private static final Pattern KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

  private final SendMessage sendMessage;
  private final MessageStore store;

  IdempotentSend(SendMessage sendMessage, MessageStore store) {
    this.sendMessage = sendMessage;
    this.store = store;
  }

  /** The answer to a send: a new one, or the first one replayed. */
  record Answer(int status, String body, String messageId, boolean replayed) {}

  /** What is wrong with an {@code Idempotency-Key} header (absent is fine). */
  static List<FieldError> keyProblems(Optional<String> key) {
    if (key.isEmpty() || (KEY.matcher(key.get()).matches() && !key.get().isBlank())) {
      return List.of();
    }
    return List.of(
        new FieldError(
            POINTER,
            "must be 1 to 255 printable ASCII characters, not only spaces: "
                + "use a fresh random value per request, like a UUID, and the same one when you retry it"));
  }

  Answer send(SendMessage.Request request, Optional<String> key) {
    if (key.isEmpty()) {
      return fresh(sendMessage.send(request, Optional.empty()));
    }
    String hash = fingerprint(request);
    Optional<IdempotentAnswer> first = store.idempotentAnswer(request.workspace(), key.get());
    if (first.isPresent()) {
      return replay(first.get(), hash, key.get());
    }
    SendMessage.Idempotency idempotency =
        new SendMessage.Idempotency(key.get(), hash, MessageJson::messageText);
    try {
      return fresh(sendMessage.send(request, Optional.of(idempotency)));
    } catch (MessageStore.IdempotencyKeyTaken lostTheRace) {
      IdempotentAnswer winner =
          store
              .idempotentAnswer(request.workspace(), key.get())
              .orElseThrow(
                  () ->
                      new MessageStore.StorageUnavailable(
                          "the answer kept for an Idempotency-Key vanished "
                              + "after a concurrent request took the key",
                          lostTheRace));
      return replay(winner, hash, key.get());
    }
  }

  private static Answer fresh(MessageRecord message) {
    return new Answer(202, MessageJson.messageText(message), message.messageId(), false);
  }

  private static Answer replay(IdempotentAnswer first, String hash, String key) {
    if (!first.requestHash().equals(hash)) {
      throw new ApiRefusal(
          Problem.of(
              409,
              "Idempotency key reused",
              "the Idempotency-Key '"
                  + key
                  + "' was first "
                  + "used for a different request (another channel, to, body or contact) and stands for that one: send "
                  + "this request with a new key, or repeat the first request exactly to get its answer"));
    }
    return new Answer(first.status(), first.body(), first.messageId(), true);
  }

  /** SHA-256 (hex) of the normalised request. */
  static String fingerprint(SendMessage.Request request) {
    ObjectNode normal =
        JsonBodies.MAPPER
            .createObjectNode()
            .put("channel", request.channel().path())
            .put("to", request.to())
            .put("body", request.body())
            .put("contact_email", request.contactEmail().orElse(null));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(JsonBodies.write(normal).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java has no SHA-256", e);
    }
  }
}
