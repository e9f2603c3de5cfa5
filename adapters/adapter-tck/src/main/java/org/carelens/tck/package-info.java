/**
 * The adapter conformance kit: {@link org.carelens.tck.AdapterConformanceTests} checks any {@link
 * org.carelens.sdk.spi.SourceAdapter} against the SPI contract, with a WireMock server standing in
 * for the source. An adapter module supplies an {@link org.carelens.tck.AdapterTckProvider} and
 * runs the kit from a one-class JUnit 5 suite; see {@link org.carelens.tck.AdapterTck}.
 */
@NullMarked
package org.carelens.tck;

import org.jspecify.annotations.NullMarked;
