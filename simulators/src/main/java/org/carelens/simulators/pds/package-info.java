/**
 * A demographics spine in the style of NHS England's PDS FHIR API: {@code GET /Patient/{nhsNumber}}
 * returns a FHIR R4 Patient with the registered GP practice, and honours the "S-flag" (restricted
 * patients) the way PDS does, by removing address, telecom and practice.
 */
@NullMarked
package org.carelens.simulators.pds;

import org.jspecify.annotations.NullMarked;
