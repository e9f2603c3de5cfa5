/**
 * A community pharmacy's dispensing record (proprietary JSON): what was dispensed to a patient,
 * derived from their GP prescriptions. Added by following docs/adapter-guide.md.
 */
@NullMarked
package org.carelens.simulators.pharmacy;

import org.jspecify.annotations.NullMarked;
