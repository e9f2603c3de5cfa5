/**
 * The FHIR R4 adapter: asks an acute trust's UK Core FHIR R4 API for one patient's record with
 * plain searches by NHS number and returns it in the canonical model. Entry points: {@link
 * org.carelens.adapters.fhirr4.FhirR4Config} and {@link
 * org.carelens.adapters.fhirr4.FhirR4Adapter}; everything else is in {@code internal}.
 */
@NullMarked
package org.carelens.adapters.fhirr4;

import org.jspecify.annotations.NullMarked;
