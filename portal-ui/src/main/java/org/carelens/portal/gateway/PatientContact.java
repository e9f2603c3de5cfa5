package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Someone to contact about the patient, as the demographics spine holds them (the API's {@code
 * patient.contacts[]}): on the spine, the emergency contact.
 *
 * @param relationship as the source words it, e.g. "Emergency Contact"; null when it gives none
 * @param name null when the source gives none (the spine records only a number)
 * @param start when the contact became valid; null when not recorded
 * @param end when it stopped being valid; null when not recorded
 */
@Serdeable
public record PatientContact(
    @Nullable String relationship,
    @Nullable String name,
    @Nullable String telephone,
    @Nullable LocalDate start,
    @Nullable LocalDate end) {}
