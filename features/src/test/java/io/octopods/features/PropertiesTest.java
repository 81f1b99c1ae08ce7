package io.octopods.features;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The end-to-end properties of {@code io.octopods.features.properties} (main scope, so that {@code
 * ./octopods check} runs them from the launcher jar too), run by jqwik against a local stack on
 * free ports with the virtual clock. The class name pattern replaces the suite's default ({@code
 * *Test}/{@code *Tests}), which no property class matches.
 */
@Suite
@IncludeEngines("jqwik")
@SelectPackages("io.octopods.features.properties")
@IncludeClassNamePatterns(".*Properties")
class PropertiesTest {}
