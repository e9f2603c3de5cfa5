/**
 * The community pharmacy adapter: reads a patient's dispensing record ({@code GET
 * /api/v1/patients/{nhsNumber}/dispensing}, JSON) and returns it as medications. Entry points:
 * {@link org.carelens.adapters.pharmacy.PharmacyConfig} and {@link
 * org.carelens.adapters.pharmacy.PharmacyAdapter}. The worked example of docs/adapter-guide.md.
 */
@NullMarked
package org.carelens.adapters.pharmacy;

import org.jspecify.annotations.NullMarked;
