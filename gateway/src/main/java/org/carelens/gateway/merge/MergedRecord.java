package org.carelens.gateway.merge;

import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.PatientIdentity;

/**
 * The merged view before viewer-side filtering.
 *
 * @param patient the identity from the first source that gave one; differences from other sources
 *     are in {@code warnings}
 * @param excludedAtSource section keys where a source said it left out confidential items
 */
public record MergedRecord(
    Optional<PatientIdentity> patient,
    List<Merged<AllergyItem>> allergies,
    AllergyState allergyState,
    List<Merged<MedicationItem>> medications,
    List<String> excludedAtSource,
    List<DataWarning> warnings) {

  /** A data-quality or safety warning about the merged view. */
  public record DataWarning(String code, String message) {}
}
