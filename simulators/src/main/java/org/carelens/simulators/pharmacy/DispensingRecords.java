package org.carelens.simulators.pharmacy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Prescription;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Who the pharmacy knows and what it dispensed: patients with a current GP prescription, about
 * three in five of them (the rest use another pharmacy), each issue of the last three months
 * dispensed here. Deterministic from the population seed and the NHS number.
 */
public final class DispensingRecords {

  public static final String PHARMACY_ODS = "FA123";
  public static final String PHARMACY_NAME = "Riverside Community Pharmacy";

  /** One dispensing event. */
  public record Dispensed(
      String id,
      String dmdCode,
      String medication,
      String dosage,
      String quantity,
      String prescriptionType,
      LocalDate dispensedOn) {}

  private DispensingRecords() {}

  /** Whether the pharmacy holds a dispensing record for the patient. */
  public static boolean knownToPharmacy(Population population, NhsNumber nhsNumber) {
    return population
        .find(nhsNumber)
        .filter(p -> !current(p).isEmpty())
        .map(p -> p.equals(population.showcase()) || random(population, nhsNumber).nextInt(5) < 3)
        .orElse(false);
  }

  /** The patient's dispensing history, newest first; empty when the pharmacy does not know them. */
  public static List<Dispensed> dispensed(Population population, SyntheticPatient patient) {
    if (!knownToPharmacy(population, patient.nhsNumber())) {
      return List.of();
    }
    Random random = random(population, patient.nhsNumber());
    random.nextInt(5);
    List<Dispensed> events = new ArrayList<>();
    for (Prescription prescription : current(patient)) {
      LocalDate last = prescription.lastIssueDate().orElse(population.referenceDate());
      // Repeat issues every 28 days: the last issue and up to two before it, on or after the start.
      for (int issue = 0; issue < 3; issue++) {
        LocalDate issued = last.minusDays(28L * issue);
        if (issued.isBefore(prescription.startDate())) {
          break;
        }
        LocalDate dispensedOn = issued.plusDays(random.nextInt(3));
        if (dispensedOn.isAfter(population.referenceDate())) {
          dispensedOn = issued;
        }
        events.add(
            new Dispensed(
                prescription.id() + "-dispensed-" + (issue + 1),
                prescription.medicine().code(),
                prescription.medicine().display(),
                prescription.dosageText(),
                prescription.quantity() + " " + prescription.quantityUnit(),
                prescription.type().code(),
                dispensedOn));
      }
    }
    events.sort((a, b) -> b.dispensedOn().compareTo(a.dispensedOn()));
    return events;
  }

  private static List<Prescription> current(SyntheticPatient patient) {
    return patient.prescriptions().stream()
        .filter(p -> p.status() == Prescription.Status.ACTIVE)
        .toList();
  }

  private static Random random(Population population, NhsNumber nhsNumber) {
    return new Random(population.seed() * 31 + nhsNumber.value().hashCode() * 7L + 0x5ea1L);
  }
}
