package io.octopods.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.stream.Collectors;

/** Runs a schema over a JSON text and turns the validator's errors into {@link ContractBreach}es. */
final class SchemaErrors {

  private SchemaErrors() {
  }

  static List<ContractBreach> breaches(String contractFile, Schema schema, String json) {
    List<Error> errors;
    try {
      errors = schema.validate(json, InputFormat.JSON);
    } catch (RuntimeException e) {
      return List.of(new ContractBreach(contractFile, "", "cannot be checked: " + e.getMessage()));
    }
    return errors.stream()
        .map(error -> new ContractBreach(contractFile, pointer(error), message(error)))
        .collect(Collectors.toUnmodifiableList());
  }

  static String pointer(Error error) {
    return error.getInstanceLocation() == null ? "" : error.getInstanceLocation().toString();
  }

  static String message(Error error) {
    return error.getMessage();
  }
}
