package io.octopods.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An OpenAPI 3.1 contract ({@code openapi.yaml}) read from the classpath root {@code contracts/}:
 * its operations, each with the interface it belongs to ({@code x-octopods-interface}, {@code
 * x-octopods-provider}, {@code x-octopods-direction}; provider and direction default to the values
 * at the document's root), and the operation an exchange belongs to.
 */
final class OpenApiDocument {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String file;
  private final JsonNode root;
  private final List<Operation> operations;

  private OpenApiDocument(String file, JsonNode root) {
    this.file = file;
    this.root = root;
    this.operations = new OpenApiOperations(this).read();
  }

  /** Reads {@code contracts/<file>}, e.g. {@code service/openapi.yaml}. */
  static OpenApiDocument load(ClassLoader loader, String file) {
    return new OpenApiDocument(file, read(loader, file));
  }

  /** The parsed YAML of {@code contracts/<file>}. */
  static JsonNode read(ClassLoader loader, String file) {
    try (InputStream in = loader.getResourceAsStream(ContractFiles.ROOT + file)) {
      if (in == null) {
        throw new IllegalStateException(
            "no "
                + ContractFiles.ROOT
                + file
                + " on the classpath: put the "
                + "octopods-contracts jar (or contracts/target/classes) on it");
      }
      JsonNode root = YAML.readTree(in);
      if (root == null || !root.path("paths").isObject()) {
        throw new IllegalStateException(
            ContractFiles.ROOT + file + " is no OpenAPI document: it has no paths");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + ContractFiles.ROOT + file + " as YAML", e);
    }
  }

  /** Relative to {@code contracts/}, e.g. {@code service/openapi.yaml}. */
  String file() {
    return file;
  }

  /** Repository-relative, e.g. {@code contracts/service/openapi.yaml}. */
  String repositoryFile() {
    return ContractFiles.ROOT + file;
  }

  JsonNode root() {
    return root;
  }

  List<Operation> operations() {
    return operations;
  }

  /** The provider at the document's root ({@code x-octopods-provider}). */
  String provider() {
    return root.path("x-octopods-provider").asText("service");
  }

  /** The direction at the document's root ({@code x-octopods-direction}). */
  String direction() {
    return root.path("x-octopods-direction").asText("inbound");
  }

  /** The most specific operation with this method whose template fits the path (without query). */
  Optional<Operation> find(String method, String path) {
    return operationsAt(path).stream()
        .filter(op -> op.method().equalsIgnoreCase(method))
        .findFirst();
  }

  /** Every operation whose template fits the path, the most specific template first. */
  List<Operation> operationsAt(String path) {
    List<Operation> found = new ArrayList<>();
    for (Operation op : operations) {
      if (op.path().matches(path)) {
        found.add(op);
      }
    }
    found.sort(Comparator.comparingInt((Operation op) -> op.path().literalLength()).reversed());
    return found;
  }

  /**
   * Resolves a {@code $ref} to a node of this document ({@code #/components/...}); a node without
   * {@code $ref} is itself.
   */
  JsonNode resolveLocal(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; depth < 16 && current.path("$ref").isTextual(); depth++) {
      String ref = current.path("$ref").asText();
      if (!ref.startsWith("#")) {
        return current;
      }
      JsonNode target = root.at(ref.substring(1));
      if (target.isMissingNode()) {
        throw new IllegalStateException(
            repositoryFile() + ": $ref '" + ref + "' points at nothing in the document");
      }
      current = target;
    }
    return current;
  }

  /**
   * A file {@code $ref} resolved against this document's folder, relative to {@code contracts/}.
   */
  String resolveFile(String ref) {
    String folder = file.contains("/") ? file.substring(0, file.lastIndexOf('/') + 1) : "";
    List<String> parts = new ArrayList<>();
    for (String part : (folder + ref).split("/")) {
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new IllegalStateException(
              repositoryFile() + ": $ref '" + ref + "' leaves contracts/");
        }
        parts.remove(parts.size() - 1);
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
