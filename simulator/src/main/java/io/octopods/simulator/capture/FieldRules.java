package io.octopods.simulator.capture;

/**
 * How one provider's fields are scrubbed, by the field's name and the name of the object (or array)
 * that holds it.
 */
@FunctionalInterface
interface FieldRules {
  Treatment of(String parent, String field);
}
