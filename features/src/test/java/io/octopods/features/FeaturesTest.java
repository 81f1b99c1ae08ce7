package io.octopods.features;

import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * Every feature file (twilio/, whatsapp/, viber/, surfaces/, cross-provider/), run by Cucumber
 * against a local stack on free ports with the virtual clock, the way {@code ./octopods check} runs
 * them against any target.
 */
@Suite
@IncludeEngines("cucumber")
@SelectPackages("features")
class FeaturesTest {}
