/**
 * The simulated acute hospital trust (Riverside University Hospitals NHS Trust, ODS {@code RXX}): a
 * UK Core FHIR R4 API on WireMock answering Patient, Encounter, Condition, AllergyIntolerance,
 * MedicationStatement, DiagnosticReport (+ Observation) and DocumentReference searches by NHS
 * number, and Binary reads for document content, from records derived deterministically from the
 * population.
 */
@NullMarked
package org.carelens.simulators.acute;

import org.jspecify.annotations.NullMarked;
