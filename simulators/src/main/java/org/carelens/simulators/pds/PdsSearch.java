package org.carelens.simulators.pds;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The spine's demographic trace, {@code GET /Patient?family=&given=&gender=&birthdate=
 * &address-postalcode=} (PDS FHIR "Search for a patient"), over the simulated population.
 *
 * <p>PDS's rules, as modelled here:
 *
 * <ul>
 *   <li>{@code family} and {@code birthdate} are the minimum; without them 400 {@code
 *       INVALID_SEARCH_DATA}.
 *   <li>A default (non-fuzzy) search matches each given criterion exactly, ignoring case and the
 *       postcode's spaces; a {@code given} or {@code family} ending in {@code *} (at least two
 *       letters before it) matches as a prefix. {@code birthdate} may carry the {@code eq} prefix.
 *   <li>{@code _fuzzy-match=true} also matches names within two edits or sounding alike (Soundex),
 *       and a birth date with day and month transposed; gender and postcode then only raise the
 *       score.
 *   <li>{@code _max-results} (1–50, default 10) bounds the answer: more matches than that is 200
 *       with no patients and an OperationOutcome {@code TOO_MANY_MATCHES}, so the user refines the
 *       search rather than being shown a partial list.
 *   <li>Each match has {@code search.score} (1 for an exact match on everything asked). Restricted
 *       patients come without address, telecom or GP, as on a read.
 * </ul>
 */
final class PdsSearch {

  static final int DEFAULT_MAX_RESULTS = 10;
  static final int MAX_MAX_RESULTS = 50;

  private PdsSearch() {}

  /** An answer: the HTTP status and the resource. */
  record Answer(int status, IBaseResource resource) {}

  static Answer search(Population population, Map<String, String> params) {
    String family = params.getOrDefault("family", "").strip();
    String birth = params.getOrDefault("birthdate", "").strip();
    if (birth.startsWith("eq")) {
      birth = birth.substring(2);
    }
    if (family.isEmpty() || birth.isEmpty()) {
      return invalid("family and birthdate are the minimum search criteria");
    }
    LocalDate birthDate;
    try {
      birthDate = LocalDate.parse(birth);
    } catch (DateTimeParseException e) {
      return invalid("birthdate must be a date, yyyy-mm-dd");
    }
    int max;
    try {
      max = Integer.parseInt(params.getOrDefault("_max-results", "" + DEFAULT_MAX_RESULTS));
    } catch (NumberFormatException e) {
      return invalid("_max-results must be a whole number from 1 to " + MAX_MAX_RESULTS);
    }
    if (max < 1 || max > MAX_MAX_RESULTS) {
      return invalid("_max-results must be a whole number from 1 to " + MAX_MAX_RESULTS);
    }
    String given = params.getOrDefault("given", "").strip();
    String gender = params.getOrDefault("gender", "").strip().toLowerCase(Locale.UK);
    String postcode = normalisedPostcode(params.getOrDefault("address-postalcode", ""));
    if (wildcardTooShort(family) || wildcardTooShort(given)) {
      return invalid("a wildcard needs at least two characters before the *");
    }
    boolean fuzzy = "true".equalsIgnoreCase(params.getOrDefault("_fuzzy-match", "false"));
    Criteria criteria = new Criteria(family, given, birthDate, gender, postcode);

    List<Scored> matches = new ArrayList<>();
    for (SyntheticPatient patient : population.patients()) {
      Optional<Double> score = fuzzy ? criteria.fuzzy(patient) : criteria.exact(patient);
      score.ifPresent(s -> matches.add(new Scored(patient, s)));
    }
    if (matches.size() > max) {
      OperationOutcome outcome =
          PdsPatients.error(
              OperationOutcome.IssueType.MULTIPLEMATCHES,
              "TOO_MANY_MATCHES",
              "Too Many Matches",
              "more than %d patients match: refine the search".formatted(max));
      outcome.getIssueFirstRep().setSeverity(OperationOutcome.IssueSeverity.INFORMATION);
      Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(0);
      bundle.addEntry().setResource(outcome).getSearch().setMode(Bundle.SearchEntryMode.OUTCOME);
      return new Answer(200, bundle);
    }
    matches.sort(Comparator.comparingDouble(Scored::score).reversed());
    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
    for (Scored match : matches) {
      Bundle.BundleEntryComponent entry = bundle.addEntry();
      entry.setFullUrl("Patient/" + match.patient().nhsNumber().value());
      entry.setResource(PdsPatients.patient(match.patient()));
      entry.getSearch().setMode(Bundle.SearchEntryMode.MATCH).setScore(match.score());
    }
    return new Answer(200, bundle);
  }

  private record Scored(SyntheticPatient patient, double score) {}

  private record Criteria(
      String family, String given, LocalDate birthDate, String gender, String postcode) {

    Optional<Double> exact(SyntheticPatient p) {
      boolean matches =
          nameMatches(family, p.family())
              && (given.isEmpty() || nameMatches(given, p.given()))
              && birthDate.equals(p.birthDate())
              && (gender.isEmpty() || gender.equals(p.gender().name().toLowerCase(Locale.UK)))
              && (postcode.isEmpty()
                  || (!p.restricted()
                      && postcode.equals(normalisedPostcode(p.address().postcode()))));
      return matches ? Optional.of(1.0) : Optional.empty();
    }

    Optional<Double> fuzzy(SyntheticPatient p) {
      double familyScore = nameScore(family, p.family());
      double givenScore = given.isEmpty() ? 1.0 : nameScore(given, p.given());
      boolean birthMatches =
          birthDate.equals(p.birthDate())
              || (birthDate.getDayOfMonth() <= 12
                  && birthDate
                      .withMonth(birthDate.getDayOfMonth())
                      .withDayOfMonth(birthDate.getMonthValue())
                      .equals(p.birthDate()));
      if (familyScore == 0 || givenScore == 0 || !birthMatches) {
        return Optional.empty();
      }
      double score = (familyScore + givenScore) / 2 * (birthDate.equals(p.birthDate()) ? 1 : 0.8);
      if (!gender.isEmpty() && !gender.equals(p.gender().name().toLowerCase(Locale.UK))) {
        score *= 0.8;
      }
      if (!postcode.isEmpty()
          && (p.restricted() || !postcode.equals(normalisedPostcode(p.address().postcode())))) {
        score *= 0.9;
      }
      return Optional.of(Math.round(score * 100) / 100.0);
    }
  }

  private static boolean nameMatches(String asked, String held) {
    String a = asked.toLowerCase(Locale.UK);
    String h = held.toLowerCase(Locale.UK);
    return a.endsWith("*") ? h.startsWith(a.substring(0, a.length() - 1)) : a.equals(h);
  }

  /** 1 for the same name, less for a near one, 0 for a different one. */
  private static double nameScore(String asked, String held) {
    if (nameMatches(asked, held)) {
      return 1.0;
    }
    String a = asked.toLowerCase(Locale.UK).replace("*", "");
    String h = held.toLowerCase(Locale.UK);
    if (editDistance(a, h) <= 2) {
      return 0.9;
    }
    return soundex(a).equals(soundex(h)) ? 0.8 : 0;
  }

  private static boolean wildcardTooShort(String name) {
    return name.endsWith("*") && name.length() < 3;
  }

  static String normalisedPostcode(String postcode) {
    return postcode.replace(" ", "").toUpperCase(Locale.UK);
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** American Soundex (letter plus three digits). */
  static String soundex(String name) {
    String letters = name.toUpperCase(Locale.UK).replaceAll("[^A-Z]", "");
    if (letters.isEmpty()) {
      return "";
    }
    String codes = "01230120022455012623010202";
    StringBuilder out = new StringBuilder().append(letters.charAt(0));
    char last = codes.charAt(letters.charAt(0) - 'A');
    for (int i = 1; i < letters.length() && out.length() < 4; i++) {
      char c = letters.charAt(i);
      char code = codes.charAt(c - 'A');
      if (code != '0' && code != last) {
        out.append(code);
      }
      if (c != 'H' && c != 'W') {
        last = code;
      }
    }
    while (out.length() < 4) {
      out.append('0');
    }
    return out.toString();
  }

  private static Answer invalid(String diagnostics) {
    return new Answer(
        400,
        PdsPatients.error(
            OperationOutcome.IssueType.INVALID,
            "INVALID_SEARCH_DATA",
            "Invalid search data",
            diagnostics));
  }
}
