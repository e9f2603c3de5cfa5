/**
 * The demographics spine adapter: reads a patient from a PDS-style FHIR R4 API ({@code GET
 * /Patient/{nhsNumber}}) and returns their identity, registered practice and restricted ("S-flag")
 * status. Entry points: {@link org.carelens.adapters.pds.PdsConfig} and {@link
 * org.carelens.adapters.pds.PdsAdapter}.
 */
@NullMarked
package org.carelens.adapters.pds;

import org.jspecify.annotations.NullMarked;
