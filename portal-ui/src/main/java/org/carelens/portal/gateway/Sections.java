package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The clinical sections of a record view. A section missing from the response is treated like an
 * unavailable one by the portal, never as "nothing recorded".
 */
@Serdeable
public record Sections(
    @Nullable AllergySection allergies, @Nullable MedicationSection medications) {

  public Optional<AllergySection> allergiesIfPresent() {
    return Optional.ofNullable(allergies);
  }

  public Optional<MedicationSection> medicationsIfPresent() {
    return Optional.ofNullable(medications);
  }
}
