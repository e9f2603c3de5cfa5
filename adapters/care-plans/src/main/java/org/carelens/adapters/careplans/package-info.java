/**
 * The care-plans adapter: asks an NRL-style FHIR R4 pointer service (National Record Locator) for
 * one patient's end-of-life care plans, ReSPECT forms, DNACPR decisions, mental health crisis plans
 * and emergency health care plans, and shows each current plan as an alert and every plan as a
 * document whose content is fetched on demand. Entry points: {@link
 * org.carelens.adapters.careplans.CarePlansAdapterFactory} (source type {@code care-plans}), {@link
 * org.carelens.adapters.careplans.CarePlansConfig} and {@link
 * org.carelens.adapters.careplans.CarePlansAdapter}; everything else is in {@code internal}.
 */
@NullMarked
package org.carelens.adapters.careplans;

import org.jspecify.annotations.NullMarked;
