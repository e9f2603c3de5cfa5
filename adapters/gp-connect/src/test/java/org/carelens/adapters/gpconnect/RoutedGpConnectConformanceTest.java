package org.carelens.adapters.gpconnect;

import org.carelens.tck.AdapterConformanceTests;
import org.carelens.tck.AdapterTck;
import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** Runs the adapter conformance kit against the GP Connect adapter routed through PDS and SDS. */
@Suite
@SelectClasses(AdapterConformanceTests.class)
@ConfigurationParameter(
    key = AdapterTck.PROVIDER,
    value = "org.carelens.adapters.gpconnect.RoutedGpConnectTckProvider")
class RoutedGpConnectConformanceTest {}
