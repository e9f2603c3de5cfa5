/**
 * The patient record page: patient banner, source-status strip and clinical sections, laid out and
 * worded after the NHS Common User Interface (CUI) guidance. Formatting rules live in small pure
 * classes ({@link org.carelens.portal.record.CuiFormat}, {@link
 * org.carelens.portal.record.AllergyTitle}, {@link org.carelens.portal.record.SourceStatus}, {@link
 * org.carelens.portal.record.MedicationLines}) so they are tested without a browser.
 */
@NullMarked
package org.carelens.portal.record;

import org.jspecify.annotations.NullMarked;
