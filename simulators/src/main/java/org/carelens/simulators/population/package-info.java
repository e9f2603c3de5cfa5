/**
 * A seeded, deterministic synthetic population: patients with valid NHS numbers in the 999 test
 * range, demographics, registered practice, coded allergies (SNOMED CT) and prescriptions (dm+d).
 * The same seed, size and reference date always give the same data; nothing reads the wall clock.
 */
@NullMarked
package org.carelens.simulators.population;

import org.jspecify.annotations.NullMarked;
