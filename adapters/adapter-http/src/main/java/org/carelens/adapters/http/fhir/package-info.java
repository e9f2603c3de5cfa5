/**
 * FHIR R4 reading shared by the R4 adapters (acute trust, care plans, demographics spine). Uses
 * HAPI FHIR, an optional dependency of this module: adapters that do not speak FHIR R4 never load
 * it.
 */
@NullMarked
package org.carelens.adapters.http.fhir;

import org.jspecify.annotations.NullMarked;
