package io.octopods.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The feature files about every provider at once and about the surfaces (cross-provider/,
 * surfaces/), run as {@link FeaturesTest} runs the providers' own.
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features/cross-provider")
@SelectClasspathResource("features/surfaces")
class CrossProviderFeaturesTest {}
