package org.carelens.simulators.population;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Allergy.Severity;
import org.carelens.simulators.population.Prescription.PrescriptionType;
import org.carelens.simulators.population.Prescription.Status;

/**
 * The fixed patient every demonstration and end-to-end test opens: the same in every population,
 * whatever the seed. Her story: a course of amoxicillin caused urticaria, so a penicillin allergy
 * was recorded; she stays on amlodipine for hypertension. The spine holds her daughter's number as
 * her emergency contact.
 */
final class Showcase {

  /** The emergency contact's number on the spine (an Ofcom drama number, as all here are). */
  static final String EMERGENCY_CONTACT_TELEPHONE = "0113 496 0921";

  private Showcase() {}

  static SyntheticPatient patient(LocalDate referenceDate) {
    String nhs = Population.SHOWCASE_NHS_NUMBER;
    LocalDate courseStart = referenceDate.minusDays(400);
    LocalDate reactionDate = courseStart.plusDays(3);
    Allergy penicillin =
        new Allergy(
            nhs + "-allergy-1",
            Catalogue.PENICILLIN.concept(),
            Allergy.Category.MEDICATION,
            reactionDate,
            reactionDate.plusDays(1),
            Catalogue.URTICARIA,
            Severity.MODERATE,
            Optional.empty(),
            Optional.empty());
    Prescription amlodipine =
        new Prescription(
            nhs + "-medication-1",
            Catalogue.AMLODIPINE.concept(),
            Catalogue.AMLODIPINE.dosageText(),
            28,
            "tablet",
            PrescriptionType.REPEAT,
            Status.ACTIVE,
            referenceDate.minusYears(6),
            Optional.empty(),
            Optional.of(referenceDate.minusDays(14)),
            Optional.empty());
    Prescription amoxicillin =
        new Prescription(
            nhs + "-medication-2",
            Catalogue.AMOXICILLIN_CAPSULES.concept(),
            Catalogue.AMOXICILLIN_CAPSULES.dosageText(),
            30,
            "capsule",
            PrescriptionType.ACUTE,
            Status.COMPLETED,
            courseStart,
            Optional.of(courseStart.plusDays(5)),
            Optional.of(courseStart),
            Optional.empty());
    return new SyntheticPatient(
        new NhsNumber(nhs),
        "Mrs",
        "Margaret",
        "Jones",
        LocalDate.of(1950, 3, 12),
        Gender.FEMALE,
        new Address(List.of("12 Acacia Avenue", "Headingley"), "Leeds", "LS6 2AB"),
        "0113 496 0018",
        Practice.RIVERSIDE,
        new Allergies(Allergies.State.RECORDED, List.of(penicillin)),
        List.of(amlodipine, amoxicillin),
        false,
        Optional.empty(),
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(
            new Problem(
                nhs + "-problem-1",
                ProblemCatalogue.HYPERTENSION.concept(),
                Problem.Status.ACTIVE,
                Problem.Significance.MAJOR,
                referenceDate.minusYears(6).minusDays(20),
                Optional.empty(),
                Optional.empty(),
                false),
            new Problem(
                nhs + "-problem-2",
                CodedConcept.snomed("239873007", "Osteoarthritis of knee"),
                Problem.Status.ACTIVE,
                Problem.Significance.MINOR,
                referenceDate.minusYears(3),
                Optional.empty(),
                Optional.empty(),
                false)),
        // Her amlodipine is also on the hospital's discharge list (acute simulator).
        Optional.of(amlodipine.id()),
        // At the same dose: her record shows a duplicate, not a dose change.
        Optional.empty(),
        // Her daughter, whom the spine holds as her emergency contact.
        Optional.of(EMERGENCY_CONTACT_TELEPHONE));
  }
}
