package org.carelens.adapters.fhirr4;

import org.carelens.tck.AdapterArchitectureTests;
import org.carelens.tck.AdapterConformanceTests;
import org.carelens.tck.AdapterTck;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the adapter conformance kit (contract and architecture checks) against the FHIR R4 adapter.
 */
@Suite
@SelectClasses({AdapterConformanceTests.class, AdapterArchitectureTests.class})
@ConfigurationParameter(
    key = AdapterTck.PROVIDER,
    value = "org.carelens.adapters.fhirr4.FhirR4TckProvider")
class FhirR4ConformanceTest {}
