/**
 * A mental health trust ("Riverside Mental Health NHS Foundation Trust", ODS {@code RXY}) on a
 * RiO-style proprietary XML API ({@code GET /rio/api/v2/clients/{nhsNumber}/summary}, API key in
 * {@code X-Api-Key}), answering from the synthetic population: care coordinator, Care Programme
 * Approach status, risk flags, diagnoses (ICD-10 and SNOMED CT), contacts and sensitive clinical
 * notes. The XML is written with StAX, never templated, so it is always well-formed.
 */
@NullMarked
package org.carelens.simulators.mentalhealth;

import org.jspecify.annotations.NullMarked;
