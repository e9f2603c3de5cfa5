package org.carelens.adapters.pharmacy;

import org.carelens.tck.AdapterArchitectureTests;
import org.carelens.tck.AdapterConformanceTests;
import org.carelens.tck.AdapterTck;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * Runs the adapter conformance kit (contract and architecture checks) against the pharmacy adapter.
 */
@Suite
@SelectClasses({AdapterConformanceTests.class, AdapterArchitectureTests.class})
@ConfigurationParameter(
    key = AdapterTck.PROVIDER,
    value = "org.carelens.adapters.pharmacy.PharmacyTckProvider")
class PharmacyConformanceTest {}
