/**
 * A GP practice answering GP Connect Access Record: Structured 1.6 ({@code POST
 * /Patient/$gpc.getstructuredrecord}, FHIR STU3) from the synthetic population, on WireMock. The
 * FHIR resources are built with HAPI FHIR and serialised, never templated, so adapters are tested
 * against well-formed STU3.
 */
@NullMarked
package org.carelens.simulators.gp;

import org.jspecify.annotations.NullMarked;
