package io.octopods.contracts;

import java.util.Objects;

/**
 * One way a document breaks a contract.
 *
 * @param contractFile the contract file: relative to {@code contracts/} from {@link Contracts},
 *     e.g. {@code providers/twilio/callback.schema.json}; repository-relative from {@link
 *     Interfaces}, e.g. {@code contracts/providers/twilio/callback.schema.json}
 * @param pointer JSON Pointer (RFC 6901) of the offending place in the document; {@code ""} is the
 *     root
 * @param message what is wrong, in words
 */
public record ContractBreach(String contractFile, String pointer, String message) {

  public ContractBreach {
    Objects.requireNonNull(contractFile, "contractFile");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return contractFile + " at " + pointer + ": " + message;
  }
}
