package io.octopods.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks documents against the contracts (JSON Schemas, draft 2020-12) stored under the classpath
 * root {@code contracts/}. Schemas are loaded once each and cached; every method is thread-safe.
 *
 * <pre>{@code
 * List<ContractBreach> breaches = Contracts.shipped().check("providers/viber/callback.schema.json", body);
 * assertTrue(breaches.isEmpty(), () -> breaches.toString());
 * }</pre>
 */
public final class Contracts {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final ClassLoader loader;
  private final ContractSchemas schemas;
  private final Map<String, Schema> loaded = new ConcurrentHashMap<>();
  private volatile List<String> files;

  private Contracts(ClassLoader loader) {
    this.loader = loader;
    this.schemas = new ContractSchemas();
  }

  /** The contracts shipped in this jar (classpath root "contracts/"), loaded once, thread-safe. */
  public static Contracts shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * Validates a JSON document (text) against a contract file given relative to contracts/, e.g.
   * "providers/twilio/callback.schema.json". Empty list = valid. Never throws for invalid
   * documents; malformed JSON gives one breach with pointer "". An unknown contract file throws
   * IllegalArgumentException naming it.
   */
  public List<ContractBreach> check(String contractFile, String json) {
    Schema schema = schema(contractFile);
    String malformed = malformedJson(json);
    if (malformed != null) {
      return List.of(new ContractBreach(contractFile, "", malformed));
    }
    return SchemaErrors.breaches(contractFile, schema, json);
  }

  /**
   * Same, for a form-encoded body (application/x-www-form-urlencoded): the parameters become a JSON
   * object of string values (a repeated name: the last wins) and are checked against the schema.
   */
  public List<ContractBreach> checkForm(String contractFile, String formBody) {
    Schema schema = schema(contractFile);
    Map<String, String> parameters;
    try {
      parameters = FormBody.parameters(formBody);
    } catch (IllegalArgumentException e) {
      return List.of(
          new ContractBreach(
              contractFile,
              "",
              "not a well-formed form body (application/x-www-form-urlencoded): "
                  + e.getMessage()));
    }
    try {
      return SchemaErrors.breaches(contractFile, schema, JSON.writeValueAsString(parameters));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write form parameters as JSON", e);
    }
  }

  /** Lists every contract file (*.schema.json) shipped, relative to contracts/. */
  public List<String> files() {
    List<String> known = files;
    if (known == null) {
      known = ContractFiles.list(loader);
      files = known;
    }
    return known;
  }

  private Schema schema(String contractFile) {
    if (contractFile == null
        || !contractFile.endsWith(".json")
        || contractFile.startsWith("/")
        || contractFile.contains("..")
        || loader.getResource(ContractFiles.ROOT + contractFile) == null) {
      throw new IllegalArgumentException(
          "unknown contract file '"
              + contractFile
              + "': expected a path relative to contracts/, one of "
              + files());
    }
    try {
      return loaded.computeIfAbsent(contractFile, schemas::load);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "contract file '"
              + contractFile
              + "' cannot be loaded as a draft 2020-12 schema"
              + " (a broken $ref or invalid schema; run ContractsSelfCheckTest): "
              + e.getMessage(),
          e);
    }
  }

  private static String malformedJson(String json) {
    if (json == null || json.isBlank()) {
      return "not JSON: the document is empty";
    }
    try {
      JSON.readTree(json);
      return null;
    } catch (JsonProcessingException e) {
      return "not well-formed JSON: " + e.getOriginalMessage();
    }
  }

  private static final class Shipped {
    static final Contracts INSTANCE = new Contracts(Contracts.class.getClassLoader());
  }
}
