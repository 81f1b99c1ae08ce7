package io.octopods.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * The providers' feature files (twilio/, whatsapp/, viber/), run by Cucumber against a local stack
 * on free ports with the virtual clock, the way {@code ./octopods check} runs them against any
 * target. {@link CrossProviderFeaturesTest} runs the others, in a test JVM of its own beside this
 * one.
 */
@Suite
@IncludeEngines("cucumber")
@SelectClasspathResource("features/twilio")
@SelectClasspathResource("features/whatsapp")
@SelectClasspathResource("features/viber")
class FeaturesTest {}
