package io.octopods.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the operations of an OpenAPI document: per path and method, the interface ({@code
 * x-octopods-*}), the request body's contracts by media type and the answers' by status and media
 * type. A body schema is checked when it is a {@code $ref} to a schema file or a {@code
 * oneOf}/{@code anyOf} of such; an inline schema is not.
 */
final class OpenApiOperations {
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final OpenApiDocument document;

  OpenApiOperations(OpenApiDocument document) {
    this.document = document;
  }

  List<Operation> read() {
    List<Operation> operations = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.root().path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      PathTemplate template = new PathTemplate(path.getKey());
      JsonNode item = document.resolveLocal(path.getValue());
      for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey())) {
          operations.add(operation(op.getKey().toUpperCase(Locale.ROOT), template, op.getValue()));
        }
      }
    }
    return List.copyOf(operations);
  }

  private Operation operation(String method, PathTemplate template, JsonNode op) {
    String name = op.path("x-octopods-interface").asText("");
    if (name.isEmpty()) {
      throw new IllegalStateException(
          document.repositoryFile()
              + ": "
              + method
              + " "
              + template
              + " has no x-octopods-interface: name the interface it belongs to");
    }
    InterfaceInfo info =
        new InterfaceInfo(
            name,
            op.path("x-octopods-provider").asText(document.provider()),
            op.path("x-octopods-direction").asText(document.direction()),
            document.repositoryFile());
    JsonNode body = document.resolveLocal(op.path("requestBody"));
    Map<String, Operation.BodyContract> request = content(body.path("content"));
    Map<String, Operation.Response> responses = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> response = it.next();
      String key = response.getKey().toUpperCase(Locale.ROOT).replace("DEFAULT", "default");
      responses.put(
          key,
          new Operation.Response(
              key, content(document.resolveLocal(response.getValue()).path("content"))));
    }
    return new Operation(
        method,
        template,
        info,
        body.path("required").asBoolean(false),
        Collections.unmodifiableMap(request),
        Collections.unmodifiableMap(responses));
  }

  private Map<String, Operation.BodyContract> content(JsonNode content) {
    Map<String, Operation.BodyContract> byMedia = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = content.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> media = it.next();
      List<String> files = new ArrayList<>();
      schemaFiles(media.getValue().path("schema"), files);
      byMedia.put(
          MediaTypes.normalize(media.getKey()), new Operation.BodyContract(List.copyOf(files)));
    }
    return byMedia;
  }

  private void schemaFiles(JsonNode schema, List<String> files) {
    JsonNode resolved = document.resolveLocal(schema);
    if (resolved.path("$ref").isTextual()) {
      String ref = resolved.path("$ref").asText();
      if (ref.contains("#")) {
        throw new IllegalStateException(
            document.repositoryFile()
                + ": the body schema $ref '"
                + ref
                + "' has a "
                + "fragment; refer to a whole schema file");
      }
      files.add(document.resolveFile(ref));
      return;
    }
    for (String alternatives : List.of("oneOf", "anyOf")) {
      for (JsonNode alternative : resolved.path(alternatives)) {
        schemaFiles(alternative, files);
      }
    }
  }
}
