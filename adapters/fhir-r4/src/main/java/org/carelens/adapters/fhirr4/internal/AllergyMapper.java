package org.carelens.adapters.fhirr4.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CodeableConcept;

/** UK Core AllergyIntolerance to {@link AllergyItem}. */
final class AllergyMapper {

  /**
   * SNOMED CT "no known allergy" situations. UK Core records a positive "no known allergies" as an
   * AllergyIntolerance with one of these codes (UKCore-AllergyIntolerance negation handling), which
   * is a statement about the section, not an allergy.
   */
  static final Set<String> NO_KNOWN_ALLERGY =
      Set.of("716186003", "409137002", "429625007", "428607008", "1003774007", "1003744002");

  private static final String CLINICAL =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
  private static final String VERIFICATION =
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

  private AllergyMapper() {}

  /** Whether this resource asserts "no known allergies" rather than recording one. */
  static boolean assertsNoKnownAllergy(AllergyIntolerance allergy) {
    return !excluded(allergy)
        && R4Values.code(allergy.getCode(), CodedConcept.SNOMED_CT)
            .filter(NO_KNOWN_ALLERGY::contains)
            .isPresent();
  }

  static Optional<AllergyItem> map(AllergyIntolerance allergy, ItemOrigin origin)
      throws BadResourceException {
    if (excluded(allergy) || assertsNoKnownAllergy(allergy)) {
      return Optional.empty();
    }
    CodedConcept concept =
        R4Values.requireConcept(
            allergy.getCode(), allergy, "code", CodedConcept.SNOMED_CT, R4Values.DMD);
    String clinical = R4Values.code(allergy.getClinicalStatus(), CLINICAL).orElse("active");
    AllergyItem.Status status =
        switch (clinical) {
          case "inactive", "resolved" -> AllergyItem.Status.RESOLVED;
          default -> AllergyItem.Status.ACTIVE;
        };
    List<String> reactions =
        allergy.getReaction().stream()
            .flatMap(r -> r.getManifestation().stream())
            .map(R4Values::text)
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    Optional<String> severity =
        allergy.getReaction().stream()
            .filter(r -> r.hasSeverity())
            .map(r -> r.getSeverity().toCode())
            .findFirst();
    return Optional.of(
        new AllergyItem(
            origin.provenance(allergy),
            concept,
            status,
            R4Values.day(allergy.getOnset()),
            R4Values.day(allergy.getRecordedDateElement()),
            reactions,
            severity,
            SensitivityLabels.of(allergy)));
  }

  /** Entered in error or refuted: the source says this is not true of the patient. */
  private static boolean excluded(AllergyIntolerance allergy) {
    CodeableConcept verification = allergy.getVerificationStatus();
    return R4Values.code(verification, VERIFICATION)
        .filter(c -> c.equals("entered-in-error") || c.equals("refuted"))
        .isPresent();
  }
}
