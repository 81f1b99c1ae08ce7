package io.octopods.contracts;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a schema over a JSON text and turns the validator's errors into {@link ContractBreach}es.
 */
final class SchemaErrors {

  private SchemaErrors() {}

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

  /**
   * The validator's message, with any placeholder it left unfilled ({@code {1}}) filled from its
   * arguments ({@code {0}} is the instance location, {@code {1}} on the arguments in order).
   */
  static String message(Error error) {
    String message = error.getMessage();
    if (message == null || !UNFILLED.matcher(message).find()) {
      return message;
    }
    Object[] args = error.getArguments() == null ? new Object[0] : error.getArguments();
    Object[] all = new Object[args.length + 1];
    all[0] = pointer(error);
    System.arraycopy(args, 0, all, 1, args.length);
    Matcher m = UNFILLED.matcher(message);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      int i = Integer.parseInt(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(i < all.length ? String.valueOf(all[i]) : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static final Pattern UNFILLED = Pattern.compile("\\{(\\d)\\}");
}
