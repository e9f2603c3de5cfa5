/**
 * Implementation detail of the FHIR R4 adapter: the search plan, the bounded response reader, error
 * interpretation and the R4 resource mappers. Nothing outside this module imports it.
 */
@NullMarked
package org.carelens.adapters.fhirr4.internal;

import org.jspecify.annotations.NullMarked;
