package io.octopods.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks one exchange against the operation it belongs to. The request body is checked against the
 * contract of its content type when the answer accepted it (2xx) or is unknown: refusing a request
 * that breaks the contract is the callee doing its job, not a breach. The answer is checked by its
 * status (exact, class such as {@code 4XX}, or {@code default}; an undeclared status is a breach)
 * and content type; an answer declared without content is not read. Breaches name the contract file
 * repository-relative ({@code contracts/...}) and a JSON Pointer into the body checked; the message
 * says which side it is on ({@code request: ...}, {@code response 200: ...}).
 */
final class ExchangeCheck {
  private final Contracts contracts;

  ExchangeCheck(Contracts contracts) {
    this.contracts = contracts;
  }

  List<ContractBreach> check(OpenApiDocument document, Operation operation, Exchange exchange) {
    List<ContractBreach> breaches = new ArrayList<>();
    boolean accepted =
        exchange.status() == 0 || (exchange.status() >= 200 && exchange.status() < 300);
    if (accepted) {
      breaches.addAll(request(document, operation, exchange));
    }
    if (exchange.status() != 0) {
      breaches.addAll(response(document, operation, exchange));
    }
    return breaches;
  }

  private List<ContractBreach> request(
      OpenApiDocument document, Operation operation, Exchange exchange) {
    if (operation.request().isEmpty() || exchange.requestBody() == null) {
      return List.of();
    }
    if (exchange.requestBody().isEmpty() && !operation.requestRequired()) {
      return List.of();
    }
    String media =
        MediaTypes.pick(
            exchange.requestContentType(), operation.request().keySet(), exchange.requestBody());
    if (media == null) {
      return List.of(
          new ContractBreach(
              document.repositoryFile(),
              "",
              "request: content type '"
                  + MediaTypes.normalize(exchange.requestContentType())
                  + "' is not declared for "
                  + operation.describe()
                  + " (declared: "
                  + String.join(", ", operation.request().keySet())
                  + ")"));
    }
    return body("request", operation.request().get(media), media, exchange.requestBody());
  }

  private List<ContractBreach> response(
      OpenApiDocument document, Operation operation, Exchange exchange) {
    Operation.Response declared = operation.responseFor(exchange.status());
    if (declared == null) {
      return List.of(
          new ContractBreach(
              document.repositoryFile(),
              "",
              "response: status "
                  + exchange.status()
                  + " is not declared for "
                  + operation.describe()
                  + " in "
                  + fileName(document)
                  + " (declared: "
                  + String.join(", ", operation.responses().keySet())
                  + ")"));
    }
    if (declared.content().isEmpty() || exchange.responseBody() == null) {
      return List.of();
    }
    String where = "response " + exchange.status();
    String media =
        MediaTypes.pick(
            exchange.responseContentType(), declared.content().keySet(), exchange.responseBody());
    if (media == null) {
      return List.of(
          new ContractBreach(
              document.repositoryFile(),
              "",
              where
                  + ": content type '"
                  + MediaTypes.normalize(exchange.responseContentType())
                  + "' is not declared for "
                  + declared.statusKey()
                  + " of "
                  + operation.describe()
                  + " (declared: "
                  + String.join(", ", declared.content().keySet())
                  + ")"));
    }
    return body(where, declared.content().get(media), media, exchange.responseBody());
  }

  /**
   * The breaches of the alternative that breaks least (the first of equals); none when one passes.
   */
  private List<ContractBreach> body(
      String where, Operation.BodyContract contract, String media, String body) {
    if (!contract.checked() || !(MediaTypes.isJson(media) || MediaTypes.isForm(media))) {
      return List.of();
    }
    List<ContractBreach> least = null;
    for (String file : contract.schemaFiles()) {
      List<ContractBreach> breaches =
          MediaTypes.isForm(media) ? contracts.checkForm(file, body) : contracts.check(file, body);
      if (breaches.isEmpty()) {
        return List.of();
      }
      if (least == null || breaches.size() < least.size()) {
        least = breaches;
      }
    }
    return least.stream()
        .map(
            b ->
                new ContractBreach(
                    ContractFiles.ROOT + b.contractFile(), b.pointer(), where + ": " + b.message()))
        .distinct()
        .collect(Collectors.toUnmodifiableList());
  }

  private static String fileName(OpenApiDocument document) {
    String file = document.file();
    return file.substring(file.lastIndexOf('/') + 1);
  }
}
