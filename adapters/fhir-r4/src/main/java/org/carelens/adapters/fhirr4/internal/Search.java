package org.carelens.adapters.fhirr4.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;

/**
 * The searches the adapter makes, one per section, each by NHS number.
 *
 * <p>Clinical searches use the R4 {@code :identifier} modifier on the {@code patient} reference
 * parameter ({@code Encounter?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|943...}; FHIR R4
 * search §3.1.1.4.9), as NHS England's FHIR APIs do (NRL uses {@code subject:identifier}): the
 * trust's logical Patient id is not known in advance, and one round trip per section is enough. The
 * Patient search ({@code Patient?identifier=...}) gives the trust's demographics and tells an
 * unknown patient from one with an empty record.
 */
public enum Search {
  PATIENT("Patient", Optional.empty(), "identifier", ""),
  ENCOUNTERS("Encounter", Optional.of(Section.ENCOUNTERS), "patient:identifier", ""),
  PROBLEMS("Condition", Optional.of(Section.PROBLEMS), "patient:identifier", ""),
  ALLERGIES("AllergyIntolerance", Optional.of(Section.ALLERGIES), "patient:identifier", ""),
  MEDICATIONS("MedicationStatement", Optional.of(Section.MEDICATIONS), "patient:identifier", ""),
  // The result Observations come in the same answer (R4 search §3.1.1.5.4, _include).
  RESULTS(
      "DiagnosticReport",
      Optional.of(Section.RESULTS),
      "patient:identifier",
      "&_include=DiagnosticReport:result"),
  DOCUMENTS("DocumentReference", Optional.of(Section.DOCUMENTS), "patient:identifier", "");

  private final String resourceType;
  private final Optional<Section> section;
  private final String parameter;
  private final String extra;

  Search(String resourceType, Optional<Section> section, String parameter, String extra) {
    this.resourceType = resourceType;
    this.section = section;
    this.parameter = parameter;
    this.extra = extra;
  }

  public String resourceType() {
    return resourceType;
  }

  public Optional<Section> section() {
    return section;
  }

  /** The sections these searches can answer. */
  public static Set<Section> offered() {
    Set<Section> sections = java.util.EnumSet.noneOf(Section.class);
    for (Search search : values()) {
      search.section.ifPresent(sections::add);
    }
    return sections;
  }

  /** The Patient search, then one search per requested section this source offers. */
  public static List<Search> plan(Set<Section> requested) {
    List<Search> plan = new ArrayList<>();
    for (Search search : values()) {
      if (search.section.isEmpty() || requested.contains(search.section.get())) {
        plan.add(search);
      }
    }
    return plan;
  }

  /** The path and query below the FHIR base, e.g. {@code /Encounter?patient:identifier=...}. */
  public String pathAndQuery(NhsNumber nhsNumber) {
    String token = R4Values.NHS_NUMBER_SYSTEM + "|" + nhsNumber.value();
    return "/"
        + resourceType
        + "?"
        + parameter
        + "="
        + URLEncoder.encode(token, StandardCharsets.UTF_8)
        + extra;
  }

  /** "the Encounter search": how a search is named in messages. */
  public String describe() {
    return "the " + resourceType + " search";
  }
}
