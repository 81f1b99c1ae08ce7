package io.octopods.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.Locale;

/**
 * Loads contract schemas (draft 2020-12) from the classpath; relative {@code $ref}s resolve on the
 * classpath too.
 */
final class ContractSchemas {

  private final SchemaRegistry registry;

  ContractSchemas() {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .build();
    this.registry =
        SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config));
  }

  /**
   * The schema of a contract file given relative to {@code contracts/}, with its references
   * resolved.
   */
  Schema load(String contractFile) {
    Schema schema =
        registry.getSchema(SchemaLocation.of("classpath:" + ContractFiles.ROOT + contractFile));
    schema.initializeValidators();
    return schema;
  }

  /** The draft 2020-12 meta-schema, to check that a contract file is itself a valid schema. */
  Schema metaSchema() {
    Schema schema =
        registry.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    schema.initializeValidators();
    return schema;
  }
}
