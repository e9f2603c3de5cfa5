package org.carelens.adapters.fhirr4.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Section;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Maps one R4 resource to canonical items: the single place that says which resource type feeds
 * which section. Stateless and thread-safe; references are resolved through the {@link
 * ResourceIndex} given with each call.
 */
public final class R4ResourceMapper {

  /** The resource types that carry clinical content, and the section each one feeds. */
  public static final java.util.Map<String, Section> SECTIONS =
      java.util.Map.ofEntries(
          java.util.Map.entry("AllergyIntolerance", Section.ALLERGIES),
          java.util.Map.entry("MedicationStatement", Section.MEDICATIONS),
          java.util.Map.entry("MedicationRequest", Section.MEDICATIONS),
          java.util.Map.entry("MedicationDispense", Section.MEDICATIONS),
          java.util.Map.entry("Condition", Section.PROBLEMS),
          java.util.Map.entry("Procedure", Section.PROBLEMS),
          java.util.Map.entry("Encounter", Section.ENCOUNTERS),
          java.util.Map.entry("Observation", Section.RESULTS),
          java.util.Map.entry("DiagnosticReport", Section.RESULTS),
          java.util.Map.entry("DocumentReference", Section.DOCUMENTS),
          java.util.Map.entry("Composition", Section.DOCUMENTS),
          java.util.Map.entry("Immunization", Section.IMMUNISATIONS),
          java.util.Map.entry("Flag", Section.ALERTS),
          java.util.Map.entry("CareTeam", Section.CARE_TEAM),
          java.util.Map.entry("ServiceRequest", Section.REFERRALS),
          java.util.Map.entry("Appointment", Section.REFERRALS));

  private final ItemOrigin origin;
  private final Optional<URI> base;

  /**
   * @param base the FHIR base URL relative attachment URLs are resolved against, where known
   */
  public R4ResourceMapper(ItemOrigin origin, Optional<URI> base) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.base = Objects.requireNonNull(base, "base");
  }

  /** Whether {@link #map} turns this type of resource into items. */
  public static boolean isClinical(Resource resource) {
    return SECTIONS.containsKey(resource.fhirType());
  }

  /**
   * The items one resource contributes: none for a non-clinical resource or one entered in error;
   * several for a DiagnosticReport (one per result) or a CareTeam (one per member).
   *
   * @param unreadable where parts of the resource that cannot be read are counted (a result a
   *     report lists but the answer lacks), while the rest of it is still mapped
   * @throws BadResourceException when the resource as a whole cannot be mapped faithfully; it then
   *     costs only itself, and the caller counts it
   */
  public List<ClinicalItem> map(Resource resource, ResourceIndex index, UnreadableItems unreadable)
      throws BadResourceException {
    List<ClinicalItem> items = new ArrayList<>();
    switch (resource) {
      case AllergyIntolerance r -> AllergyMapper.map(r, origin).ifPresent(items::add);
      case MedicationStatement r ->
          MedicationMapper.statement(r, index, origin).ifPresent(items::add);
      case MedicationRequest r -> MedicationMapper.request(r, index, origin).ifPresent(items::add);
      case MedicationDispense r ->
          MedicationMapper.dispense(r, index, origin).ifPresent(items::add);
      case Condition r -> ProblemMapper.condition(r, origin).ifPresent(items::add);
      case Procedure r -> ProblemMapper.procedure(r, origin).ifPresent(items::add);
      case Encounter r -> EncounterMapper.map(r, index, origin).ifPresent(items::add);
      case Observation r ->
          ResultMapper.observation(r, Optional.empty(), Set.of(), origin).ifPresent(items::add);
      case DiagnosticReport r -> items.addAll(ResultMapper.report(r, index, origin, unreadable));
      case DocumentReference r ->
          DocumentMapper.reference(r, index, origin, base).ifPresent(items::add);
      case Composition r ->
          DocumentMapper.composition(r, index, origin, base).ifPresent(items::add);
      case Immunization r -> ImmunisationMapper.map(r, origin).ifPresent(items::add);
      case Flag r -> AlertMapper.map(r, origin).ifPresent(items::add);
      case CareTeam r -> items.addAll(CareTeamMapper.map(r, index, origin));
      case ServiceRequest r -> ReferralMapper.request(r, index, origin).ifPresent(items::add);
      case Appointment r -> ReferralMapper.appointment(r, index, origin).ifPresent(items::add);
      default -> {
        // Patient, Organization, Medication, Specimen ...: context for other resources, not items.
      }
    }
    return items;
  }

  /**
   * Whether this AllergyIntolerance positively records "no known allergies", which the allergies
   * section reports as its empty reason rather than as an item.
   */
  public static boolean assertsNoKnownAllergy(Resource resource) {
    return resource instanceof AllergyIntolerance allergy
        && AllergyMapper.assertsNoKnownAllergy(allergy);
  }
}
