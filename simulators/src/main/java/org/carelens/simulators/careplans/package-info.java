/**
 * The simulated care plan pointer service: an NRL-style FHIR R4 API listing each patient's
 * end-of-life care plans, ReSPECT forms, DNACPR decisions, mental health crisis plans and emergency
 * health care plans as DocumentReferences, with the plans' content as Binary reads.
 */
@NullMarked
package org.carelens.simulators.careplans;

import org.jspecify.annotations.NullMarked;
