package org.carelens.simulators.socialcare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Derives the council's record for a patient, deterministically: every choice comes from a {@link
 * Random} seeded from the population seed, the NHS number and this source, and every date is
 * relative to {@link Population#referenceDate()}. The record is built in the fixture document shape
 * (see {@link SocialCareSimulator}), so generated and replayed records are served alike.
 */
public final class SocialCareRecords {

  /** Share of the population known to adult social care (the showcase patient always is). */
  static final int KNOWN_PERCENT = 25;

  private static final long SOURCE_SALT = 0x736f6369616cL; // "social"
  private static final ObjectMapper JSON = new ObjectMapper();

  private SocialCareRecords() {}

  /** Whether the council holds a record for this patient. */
  public static boolean knownToSocialCare(Population population, NhsNumber nhsNumber) {
    if (nhsNumber.value().equals(Population.SHOWCASE_NHS_NUMBER)) {
      return true;
    }
    return population.find(nhsNumber).isPresent()
        && new Random(seed(population, nhsNumber, 1)).nextInt(100) < KNOWN_PERCENT;
  }

  /** The council's person id for a patient: stable for a population seed. */
  static String personId(Population population, NhsNumber nhsNumber) {
    Random random = new Random(seed(population, nhsNumber, 3));
    return "P" + (1_000_000 + random.nextInt(9_000_000));
  }

  /** The person's whole document: person, involvements, care packages, safeguarding. */
  static ObjectNode document(Population population, SyntheticPatient patient) {
    Random random = new Random(seed(population, patient.nhsNumber(), 2));
    LocalDate today = population.referenceDate();
    boolean showcase = patient.nhsNumber().value().equals(Population.SHOWCASE_NHS_NUMBER);

    ObjectNode document = JSON.createObjectNode();
    ObjectNode person = document.putObject("person");
    person.put("id", personId(population, patient.nhsNumber()));
    person.put("nhsNumber", patient.nhsNumber().value());
    ObjectNode name = person.putObject("name");
    name.put("title", patient.title());
    name.put("given", patient.given());
    name.put("family", patient.family());
    person.put("dateOfBirth", patient.birthDate().toString());
    person.put("gender", patient.gender().name().toLowerCase(Locale.ROOT));
    person.put("address", patient.address().oneLine());

    ArrayNode involvements = document.putArray("involvements");
    List<String[]> services =
        showcase
            ? List.of(SocialCareCatalogue.SERVICES.get(0), SocialCareCatalogue.SERVICES.get(1))
            : distinct(random, SocialCareCatalogue.SERVICES, 1 + random.nextInt(3));
    for (int i = 0; i < services.size(); i++) {
      String[] s = services.get(i);
      String worker = pick(random, SocialCareCatalogue.WORKERS);
      boolean open = i == 0 || random.nextInt(100) < 70;
      LocalDate start = today.minusDays(30 + random.nextInt(700));
      ObjectNode involvement = involvements.addObject();
      involvement.put("id", "INV-" + (100000 + random.nextInt(900000)));
      coded(involvement.putObject("service"), SocialCareCatalogue.SERVICE_SYSTEM, s[0], s[1]);
      involvement.put("status", open ? "OPEN" : "CLOSED");
      involvement.put("startDate", start.toString());
      if (open) {
        involvement.putNull("endDate");
      } else {
        involvement.put("endDate", start.plusDays(20 + random.nextInt(120)).toString());
      }
      ObjectNode keyWorker = involvement.putObject("keyWorker");
      keyWorker.put("name", worker);
      coded(keyWorker.putObject("role"), s[2], s[3], s[4]);
      keyWorker.put("phone", "0113 496 0" + (100 + random.nextInt(900)));
      keyWorker.put(
          "email", worker.toLowerCase(Locale.ROOT).replace(' ', '.') + "@riverside.gov.uk");
    }

    ArrayNode packages = document.putArray("carePackages");
    List<String[]> kinds =
        showcase
            ? List.of(
                SocialCareCatalogue.PACKAGES.get(0),
                SocialCareCatalogue.PACKAGES.get(4),
                SocialCareCatalogue.PACKAGES.get(2))
            : distinct(random, SocialCareCatalogue.PACKAGES, random.nextInt(4));
    for (int i = 0; i < kinds.size(); i++) {
      String[] k = kinds.get(i);
      String status =
          showcase
              ? (i == 2 ? "PLANNED" : "ACTIVE")
              : pick(random, List.of("ACTIVE", "ACTIVE", "ENDED", "PLANNED"));
      LocalDate start =
          status.equals("PLANNED")
              ? today.plusDays(7 + random.nextInt(40))
              : today.minusDays(30 + random.nextInt(500));
      ObjectNode pkg = packages.addObject();
      pkg.put("id", "CP-" + (100000 + random.nextInt(900000)));
      coded(pkg.putObject("type"), SocialCareCatalogue.PACKAGE_SYSTEM, k[0], k[1]);
      pkg.put("description", k[2].formatted(1 + random.nextInt(4)));
      pkg.put("status", status);
      pkg.put("startDate", start.toString());
      if (status.equals("ENDED") || k[0].equals("RESPITE")) {
        pkg.put("endDate", start.plusDays(14 + random.nextInt(90)).toString());
      } else {
        pkg.putNull("endDate");
      }
      pkg.put("provider", k[3]);
      if (k[0].equals("HOME_CARE") || k[0].equals("DAY_CARE")) {
        pkg.put("hoursPerWeek", 3.5 * (1 + random.nextInt(6)));
      } else {
        pkg.putNull("hoursPerWeek");
      }
    }

    ArrayNode safeguarding = document.putArray("safeguarding");
    int concerns = showcase ? 1 : random.nextInt(100) < 18 ? 1 : 0;
    for (int i = 0; i < concerns; i++) {
      String[] c =
          showcase
              ? SocialCareCatalogue.SAFEGUARDING.get(0)
              : pick(random, SocialCareCatalogue.SAFEGUARDING);
      boolean open = showcase || random.nextBoolean();
      LocalDate raised = today.minusDays(5 + random.nextInt(400));
      ObjectNode flag = safeguarding.addObject();
      flag.put("id", "SG-" + (10000 + random.nextInt(90000)));
      coded(flag.putObject("category"), SocialCareCatalogue.SAFEGUARDING_SYSTEM, c[0], c[1]);
      flag.put("status", open ? "OPEN" : "CLOSED");
      flag.put("raised", raised.toString());
      if (open) {
        flag.putNull("closed");
      } else {
        flag.put("closed", raised.plusDays(20 + random.nextInt(60)).toString());
      }
      flag.put("detail", c[2].formatted(patient.given()));
    }
    return document;
  }

  private static void coded(ObjectNode node, String system, String code, String display) {
    node.put("system", system);
    node.put("code", code);
    node.put("display", display);
  }

  /** Mixes the population seed, the patient and this source, so sources vary independently. */
  private static long seed(Population population, NhsNumber nhsNumber, int purpose) {
    long h = population.seed() * 0x9E3779B97F4A7C15L;
    h ^= Long.parseLong(nhsNumber.value()) * 0xBF58476D1CE4E5B9L;
    h ^= SOURCE_SALT * 31 + purpose;
    return h ^ (h >>> 31);
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static <T> List<T> distinct(Random random, List<T> values, int max) {
    List<T> copy = new ArrayList<>(values);
    Collections.shuffle(copy, random);
    return List.copyOf(copy.subList(0, Math.min(max, copy.size())));
  }
}
