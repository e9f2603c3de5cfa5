package org.carelens.simulators.gp;

import java.util.ArrayList;
import java.util.List;
import org.carelens.simulators.population.Allergies;
import org.carelens.simulators.population.Allergy;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceClinicalStatus;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceSeverity;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceType;
import org.hl7.fhir.dstu3.model.AllergyIntolerance.AllergyIntoleranceVerificationStatus;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.StringType;

/**
 * The allergies section: an "Allergies and adverse reactions" List of active allergies and, when
 * asked for, an "Ended allergies" List, each followed by the AllergyIntolerances it references.
 */
final class AllergyResources {

  private AllergyResources() {}

  static List<Resource> build(
      Allergies allergies,
      boolean includeResolved,
      Reference patient,
      Reference recorder,
      DateTimeType now) {
    String stem = patient.getReference().substring("Patient/".length());
    List<Resource> resources = new ArrayList<>();
    ListResource active =
        list(stem + "-allergies", GpConnect.ALLERGIES_LIST_CODE, "Allergies and adverse reactions");
    active.setSubject(patient).setDateElement(now);
    resources.add(active);
    for (Allergy allergy : allergies.active()) {
      AllergyIntolerance resource = allergyIntolerance(allergy, patient, recorder);
      active.addEntry().setItem(Fhir.reference(resource));
      resources.add(resource);
    }
    if (allergies.active().isEmpty()) {
      active.setEmptyReason(emptyReason(allergies.state()));
      active
          .addNote()
          .setText(
              allergies.state() == Allergies.State.NO_KNOWN_ALLERGIES
                  ? "No known allergies"
                  : "Information not available");
    }
    if (includeResolved) {
      ListResource ended =
          list(stem + "-allergies-ended", GpConnect.ENDED_ALLERGIES_LIST_CODE, "Ended allergies");
      ended.setSubject(patient).setDateElement(now);
      resources.add(ended);
      for (Allergy allergy : allergies.resolved()) {
        AllergyIntolerance resource = allergyIntolerance(allergy, patient, recorder);
        ended.addEntry().setItem(Fhir.reference(resource));
        resources.add(resource);
      }
      if (allergies.resolved().isEmpty()) {
        ended.setEmptyReason(
            new CodeableConcept()
                .addCoding(
                    new Coding(
                        GpConnect.LIST_EMPTY_REASON,
                        "no-content-recorded",
                        "No Content Recorded")));
      }
    }
    return resources;
  }

  private static ListResource list(String id, String code, String display) {
    ListResource list = Fhir.withIdAndProfile(new ListResource(), id, GpConnect.LIST_PROFILE);
    return list.setStatus(ListResource.ListStatus.CURRENT)
        .setMode(ListResource.ListMode.SNAPSHOT)
        .setTitle(display)
        .setCode(Fhir.snomed(code, display));
  }

  private static CodeableConcept emptyReason(Allergies.State state) {
    Coding coding =
        state == Allergies.State.NO_KNOWN_ALLERGIES
            ? new Coding(GpConnect.LIST_EMPTY_REASON, "nilknown", "Nil Known")
            : new Coding(GpConnect.LIST_EMPTY_REASON, "no-content-recorded", "No Content Recorded");
    return new CodeableConcept().addCoding(coding);
  }

  private static AllergyIntolerance allergyIntolerance(
      Allergy allergy, Reference patient, Reference recorder) {
    AllergyIntolerance resource =
        Fhir.withIdAndProfile(new AllergyIntolerance(), allergy.id(), GpConnect.ALLERGY_PROFILE);
    resource.addIdentifier(Fhir.crossCareSettingId(allergy.id()));
    resource.setClinicalStatus(
        allergy.resolved()
            ? AllergyIntoleranceClinicalStatus.RESOLVED
            : AllergyIntoleranceClinicalStatus.ACTIVE);
    resource.setVerificationStatus(AllergyIntoleranceVerificationStatus.CONFIRMED);
    resource.setType(AllergyIntoleranceType.ALLERGY);
    resource.addCategory(category(allergy.category()));
    resource.setCode(Fhir.concept(allergy.concept()));
    resource.setPatient(patient);
    resource.setOnset(Fhir.day(allergy.onsetDate()));
    resource.setAssertedDateElement(Fhir.day(allergy.assertedDate()));
    resource.setRecorder(recorder);
    resource
        .addReaction()
        .addManifestation(Fhir.concept(allergy.manifestation()))
        .setSeverity(severity(allergy.severity()));
    if (allergy.resolved()) {
      Extension end = new Extension(GpConnect.ALLERGY_END_EXTENSION);
      end.addExtension("endDate", Fhir.day(allergy.endDate().orElseThrow()));
      end.addExtension("reasonEnded", new StringType(allergy.endReason().orElseThrow()));
      resource.addExtension(end);
    }
    return resource;
  }

  private static AllergyIntoleranceCategory category(Allergy.Category category) {
    return switch (category) {
      case MEDICATION -> AllergyIntoleranceCategory.MEDICATION;
      case FOOD -> AllergyIntoleranceCategory.FOOD;
      case ENVIRONMENT -> AllergyIntoleranceCategory.ENVIRONMENT;
    };
  }

  private static AllergyIntoleranceSeverity severity(Allergy.Severity severity) {
    return switch (severity) {
      case MILD -> AllergyIntoleranceSeverity.MILD;
      case MODERATE -> AllergyIntoleranceSeverity.MODERATE;
      case SEVERE -> AllergyIntoleranceSeverity.SEVERE;
    };
  }
}
