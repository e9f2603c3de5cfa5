package org.carelens.adapters.mentalhealth;

import org.carelens.tck.AdapterArchitectureTests;
import org.carelens.tck.AdapterConformanceTests;
import org.carelens.tck.AdapterTck;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the adapter conformance kit (contract and architecture checks) against the mental health XML
 * adapter.
 */
@Suite
@SelectClasses({AdapterConformanceTests.class, AdapterArchitectureTests.class})
@ConfigurationParameter(
    key = AdapterTck.PROVIDER,
    value = "org.carelens.adapters.mentalhealth.MentalHealthTckProvider")
class MentalHealthConformanceTest {}
