/**
 * The mental health trust adapter: reads a client summary from a RiO-style proprietary XML API
 * ({@code GET {base}/rio/api/v2/clients/{nhsNumber}/summary} with an {@code X-Api-Key} header) and
 * returns it in the canonical model. Entry points: {@link
 * org.carelens.adapters.mentalhealth.MentalHealthXmlConfig} and {@link
 * org.carelens.adapters.mentalhealth.MentalHealthXmlAdapter}; everything else is in {@code
 * internal}.
 */
@NullMarked
package org.carelens.adapters.mentalhealth;

import org.jspecify.annotations.NullMarked;
