package org.carelens.simulators.population;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Allergy.Severity;
import org.carelens.simulators.population.Catalogue.AllergyKind;
import org.carelens.simulators.population.Catalogue.MedicineKind;
import org.carelens.simulators.population.Catalogue.Town;
import org.carelens.simulators.population.Prescription.PrescriptionType;
import org.carelens.simulators.population.Prescription.Status;

/**
 * Draws patients from one seeded {@link Random}, in a fixed order, so the same inputs always give
 * the same population. {@code java.util.Random}'s algorithm is specified by its Javadoc, so the
 * output is also stable across JVMs.
 */
final class PopulationGenerator {

  private final long seed;
  private final Random random;
  private final LocalDate today;
  private final List<Practice> practices;
  private final Set<String> usedNhsNumbers = new HashSet<>();

  PopulationGenerator(long seed, LocalDate referenceDate, List<Practice> practices) {
    this.seed = seed;
    this.random = new Random(seed);
    this.today = referenceDate;
    this.practices = practices;
    usedNhsNumbers.add(Population.SHOWCASE_NHS_NUMBER);
  }

  List<SyntheticPatient> generate(int size) {
    List<SyntheticPatient> patients = new ArrayList<>(size);
    patients.add(Showcase.patient(today));
    for (int index = 1; index < size; index++) {
      patients.add(patient(index));
    }
    return patients;
  }

  private SyntheticPatient patient(int index) {
    NhsNumber nhs = nextNhsNumber();
    Gender gender = random.nextBoolean() ? Gender.FEMALE : Gender.MALE;
    int age = 1 + random.nextInt(95);
    LocalDate birthDate = today.minusYears(age).minusDays(1 + random.nextInt(364));
    String given = pick(gender == Gender.FEMALE ? Catalogue.FEMALE_GIVEN : Catalogue.MALE_GIVEN);
    String family = capitalise(pick(Catalogue.FAMILY_NAMES));
    Allergies allergies = allergies(nhs.value(), index, age);
    Address address = address();
    String telephone = telephone();
    List<Prescription> prescriptions = prescriptions(nhs.value(), age, allergies);
    // Scenario content comes from a second generator seeded per patient, so adding a scenario
    // never shifts the names, allergies and medication of everyone generated after it.
    Random scenario = new Random(mix(seed, nhs.value()));
    Optional<String> staleFamily = Optional.empty();
    Optional<Address> staleAddress = Optional.empty();
    if (index % 25 == 4) {
      // A recent marriage or move the spine knows about and the practice has not yet recorded.
      if (gender == Gender.FEMALE && age >= 20 && scenario.nextBoolean()) {
        staleFamily = Optional.of(otherFamily(scenario, family));
      } else {
        staleAddress = Optional.of(otherAddress(scenario, address));
      }
    }
    Optional<LocalDate> deceased =
        index % 40 == 13
            ? Optional.of(max(today.minusDays(10 + scenario.nextInt(300)), birthDate.plusDays(1)))
            : Optional.empty();
    // Every sixth patient has a GP repeat on a hospital discharge; for half of them (the
    // dose-change scenario) the admission changed its dose, where the medicine has a plausible
    // change. Chosen from the prescriptions alone, so no other patient's draw shifts.
    Optional<Prescription> onDischarge = Optional.empty();
    Optional<String> dischargeDose = Optional.empty();
    if (index % 6 == 2) {
      Optional<Prescription> changeable =
          index % 12 == 8 ? firstActiveRepeat(prescriptions, true) : Optional.empty();
      onDischarge = changeable.or(() -> firstActiveRepeat(prescriptions, false));
      dischargeDose = changeable.map(p -> Catalogue.DISCHARGE_DOSES.get(p.medicine().code()));
    }
    return new SyntheticPatient(
        nhs,
        title(gender, age),
        given,
        family,
        birthDate,
        gender,
        address,
        telephone,
        practiceFor(index),
        allergies,
        prescriptions,
        // A few dissenters at deterministic positions; never the showcase patient (index 0).
        index % 20 == 7,
        deceased,
        index % 50 == 11,
        staleFamily,
        staleAddress,
        problems(scenario, nhs.value(), index, age, gender),
        onDischarge.map(Prescription::id),
        dischargeDose);
  }

  /**
   * About a third of patients are registered at the second practice, where there is one (the first
   * few, which cover every allergy state, stay at the first).
   */
  private Practice practiceFor(int index) {
    return practices.get(index >= 4 && index % 3 == 1 ? 1 % practices.size() : 0);
  }

  private List<Problem> problems(Random scenario, String nhs, int index, int age, Gender gender) {
    List<Problem> problems = new ArrayList<>();
    List<ProblemCatalogue.ProblemKind> kinds = new ArrayList<>(ProblemCatalogue.COMMON);
    Collections.shuffle(kinds, scenario);
    int wanted = scenario.nextInt(age < 40 ? 2 : 4);
    for (ProblemCatalogue.ProblemKind kind : kinds) {
      if (problems.size() < wanted && age >= kind.minAge()) {
        problems.add(
            problem(scenario, nhs + "-problem-" + (problems.size() + 1), kind, age, false));
      }
    }
    if (index % 12 == 5 && age >= 16) {
      List<ProblemCatalogue.ProblemKind> sensitive =
          ProblemCatalogue.SENSITIVE.stream()
              .filter(
                  k ->
                      gender == Gender.FEMALE
                          || !k.sensitivity().orElseThrow().name().matches("TERMINATION|IVF"))
              .toList();
      ProblemCatalogue.ProblemKind kind = sensitive.get(scenario.nextInt(sensitive.size()));
      // Half of these the practice has marked confidential; the rest are shared with a label.
      problems.add(
          problem(scenario, nhs + "-problem-" + (problems.size() + 1), kind, age, index % 24 == 5));
    }
    return problems;
  }

  private Problem problem(
      Random scenario, String id, ProblemCatalogue.ProblemKind kind, int age, boolean secret) {
    int yearsSinceMinAge = Math.max(1, Math.min(age - kind.minAge(), 20));
    LocalDate onset = today.minusDays(30 + scenario.nextInt(yearsSinceMinAge * 365));
    boolean ended =
        kind.sensitivity().isPresent() ? scenario.nextBoolean() : scenario.nextInt(5) == 0;
    Optional<LocalDate> end =
        ended
            ? Optional.of(min(onset.plusDays(14 + scenario.nextInt(400)), today))
            : Optional.empty();
    boolean major =
        kind.sensitivity().isPresent()
            || kind.concept().code().matches("38341003|44054006|13645005|49436004|433144002");
    return new Problem(
        id,
        kind.concept(),
        ended ? Problem.Status.INACTIVE : Problem.Status.ACTIVE,
        major ? Problem.Significance.MAJOR : Problem.Significance.MINOR,
        onset,
        end,
        kind.sensitivity(),
        secret);
  }

  /** The first active repeat, optionally only among those a discharge can change the dose of. */
  private static Optional<Prescription> firstActiveRepeat(
      List<Prescription> prescriptions, boolean doseChangeable) {
    return prescriptions.stream()
        .filter(p -> p.status() == Status.ACTIVE && p.type() != PrescriptionType.ACUTE)
        .filter(p -> !doseChangeable || Catalogue.DISCHARGE_DOSES.containsKey(p.medicine().code()))
        .findFirst();
  }

  private static String otherFamily(Random scenario, String family) {
    while (true) {
      String other =
          capitalise(Catalogue.FAMILY_NAMES.get(scenario.nextInt(Catalogue.FAMILY_NAMES.size())));
      if (!other.equals(family)) {
        return other;
      }
    }
  }

  private static Address otherAddress(Random scenario, Address current) {
    Town town = Catalogue.TOWNS.get(scenario.nextInt(Catalogue.TOWNS.size()));
    String line =
        (1 + scenario.nextInt(180))
            + " "
            + Catalogue.STREETS.get(scenario.nextInt(Catalogue.STREETS.size()));
    String postcode =
        town.postcodeDistrict()
            + " "
            + (1 + scenario.nextInt(9))
            + Catalogue.POSTCODE_UNIT_LETTERS.get(
                scenario.nextInt(Catalogue.POSTCODE_UNIT_LETTERS.size()));
    Address other = new Address(List.of(line), town.name(), postcode);
    return other.equals(current)
        ? new Address(List.of("Flat 2, " + line), town.name(), postcode)
        : other;
  }

  /** A per-patient seed from the population seed and the NHS number (64-bit FNV-1a). */
  static long mix(long seed, String text) {
    long hash = 0xcbf29ce484222325L ^ seed;
    for (int i = 0; i < text.length(); i++) {
      hash ^= text.charAt(i);
      hash *= 0x100000001b3L;
    }
    return hash;
  }

  private NhsNumber nextNhsNumber() {
    while (true) {
      String firstNine = "999" + "%06d".formatted(random.nextInt(1_000_000));
      int check = NhsNumber.checkDigit(firstNine);
      // A check digit of 10 means no valid NHS number starts with these nine digits.
      if (check != 10 && usedNhsNumbers.add(firstNine + check)) {
        return new NhsNumber(firstNine + check);
      }
    }
  }

  private Allergies allergies(String nhs, int index, int age) {
    // The first few generated patients cover every allergy state, so any population of a handful
    // of patients or more exercises "no known allergies", "not recorded" and ended allergies.
    Allergies.State state =
        switch (index) {
          case 1 -> Allergies.State.NO_KNOWN_ALLERGIES;
          case 2 -> Allergies.State.NOT_RECORDED;
          case 3 -> Allergies.State.RECORDED;
          default -> {
            int roll = random.nextInt(100);
            yield roll < 45
                ? Allergies.State.NO_KNOWN_ALLERGIES
                : roll < 80 ? Allergies.State.RECORDED : Allergies.State.NOT_RECORDED;
          }
        };
    if (state == Allergies.State.NO_KNOWN_ALLERGIES) {
      return Allergies.noKnownAllergies();
    }
    if (state == Allergies.State.NOT_RECORDED) {
      return Allergies.notRecorded();
    }
    List<AllergyKind> kinds = new ArrayList<>(Catalogue.ALLERGIES);
    Collections.shuffle(kinds, random);
    int activeCount = 1 + random.nextInt(2);
    boolean withEnded = index == 3 || random.nextInt(4) == 0;
    List<Allergy> entries = new ArrayList<>();
    for (int i = 0; i < activeCount + (withEnded ? 1 : 0); i++) {
      boolean ended = i == activeCount;
      entries.add(allergy(nhs + "-allergy-" + (i + 1), kinds.get(i), age, ended));
    }
    return new Allergies(Allergies.State.RECORDED, entries);
  }

  private Allergy allergy(String id, AllergyKind kind, int age, boolean ended) {
    int maxDaysAgo = Math.max(60, Math.min(age * 365, 15 * 365));
    LocalDate onset = today.minusDays(30 + random.nextInt(maxDaysAgo - 29));
    LocalDate asserted = min(onset.plusDays(random.nextInt(15)), today);
    CodedConcept reaction = pick(kind.reactions());
    Severity severity =
        reaction.equals(Catalogue.ANAPHYLAXIS)
            ? Severity.SEVERE
            : random.nextBoolean() ? Severity.MILD : Severity.MODERATE;
    Optional<LocalDate> endDate = ended ? Optional.of(between(asserted, today)) : Optional.empty();
    Optional<String> endReason =
        ended ? Optional.of(pick(Catalogue.ALLERGY_END_REASONS)) : Optional.empty();
    return new Allergy(
        id,
        kind.concept(),
        kind.category(),
        onset,
        asserted,
        reaction,
        severity,
        endDate,
        endReason);
  }

  private List<Prescription> prescriptions(String nhs, int age, Allergies allergies) {
    List<MedicineKind> candidates = new ArrayList<>();
    for (MedicineKind kind : Catalogue.LONG_TERM_MEDICINES) {
      if (suitable(kind, age, allergies)) {
        candidates.add(kind);
      }
    }
    Collections.shuffle(candidates, random);
    int wanted = random.nextInt(age < 40 ? 2 : 5);
    List<MedicineKind> chosen = new ArrayList<>();
    for (MedicineKind kind : candidates) {
      // Aspirin with warfarin needs specialist oversight; keep the synthetic lists ordinary.
      boolean clash =
          kind == Catalogue.ASPIRIN_DISPERSIBLE && chosen.contains(Catalogue.WARFARIN)
              || kind == Catalogue.WARFARIN && chosen.contains(Catalogue.ASPIRIN_DISPERSIBLE);
      if (chosen.size() < wanted && !clash) {
        chosen.add(kind);
      }
    }
    List<Prescription> result = new ArrayList<>();
    for (MedicineKind kind : chosen) {
      result.add(longTerm(nhs + "-medication-" + (result.size() + 1), kind));
    }
    if (random.nextInt(3) == 0 && suitable(Catalogue.AMOXICILLIN_CAPSULES, age, allergies)) {
      result.add(acuteCourse(nhs + "-medication-" + (result.size() + 1)));
    }
    return result;
  }

  private static boolean suitable(MedicineKind kind, int age, Allergies allergies) {
    if (kind == Catalogue.AMOXICILLIN_CAPSULES) {
      return allergies.entries().stream()
          .noneMatch(
              a ->
                  a.concept().equals(Catalogue.PENICILLIN.concept())
                      || a.concept().equals(Catalogue.AMOXICILLIN.concept()));
    }
    if (kind == Catalogue.ASPIRIN_DISPERSIBLE) {
      return age >= 50
          && allergies.entries().stream()
              .noneMatch(a -> a.concept().equals(Catalogue.ASPIRIN.concept()));
    }
    return age >= 18;
  }

  private Prescription longTerm(String id, MedicineKind kind) {
    LocalDate start = today.minusDays(180 + random.nextInt(3000));
    boolean stopped = random.nextInt(5) == 0;
    if (stopped) {
      LocalDate end = min(start.plusDays(60 + random.nextInt(300)), today.minusDays(1));
      return new Prescription(
          id,
          kind.concept(),
          kind.dosageText(),
          kind.quantity(),
          kind.quantityUnit(),
          kind.usualType(),
          Status.STOPPED,
          start,
          Optional.of(end),
          Optional.of(between(start, end)),
          Optional.of(pick(Catalogue.STOP_REASONS)));
    }
    return new Prescription(
        id,
        kind.concept(),
        kind.dosageText(),
        kind.quantity(),
        kind.quantityUnit(),
        kind.usualType(),
        Status.ACTIVE,
        start,
        Optional.empty(),
        Optional.of(today.minusDays(1 + random.nextInt(56))),
        Optional.empty());
  }

  private Prescription acuteCourse(String id) {
    MedicineKind kind = Catalogue.AMOXICILLIN_CAPSULES;
    LocalDate start = today.minusDays(14 + random.nextInt(700));
    return new Prescription(
        id,
        kind.concept(),
        kind.dosageText(),
        kind.quantity(),
        kind.quantityUnit(),
        PrescriptionType.ACUTE,
        Status.COMPLETED,
        start,
        Optional.of(start.plusDays(5)),
        Optional.of(start),
        Optional.empty());
  }

  private String title(Gender gender, int age) {
    if (age < 16) {
      return gender == Gender.FEMALE ? "Miss" : "Master";
    }
    if (gender == Gender.MALE) {
      return random.nextInt(20) == 0 ? "Dr" : "Mr";
    }
    return pick(List.of("Mrs", "Ms", "Miss"));
  }

  private Address address() {
    Town town = pick(Catalogue.TOWNS);
    String line = (1 + random.nextInt(180)) + " " + pick(Catalogue.STREETS);
    String postcode =
        town.postcodeDistrict()
            + " "
            + (1 + random.nextInt(9))
            + pick(Catalogue.POSTCODE_UNIT_LETTERS);
    return new Address(List.of(line), town.name(), postcode);
  }

  private String telephone() {
    // Ofcom reserves 0113 496 0000-0999 and 07700 900000-900999 for drama: never a real line.
    return random.nextBoolean()
        ? "0113 496 0%03d".formatted(random.nextInt(1000))
        : "07700 900%03d".formatted(random.nextInt(1000));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private LocalDate between(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return days <= 0 ? from : from.plusDays(random.nextInt((int) days + 1));
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static String capitalise(String upper) {
    return upper.charAt(0) + upper.substring(1).toLowerCase(Locale.UK);
  }
}
