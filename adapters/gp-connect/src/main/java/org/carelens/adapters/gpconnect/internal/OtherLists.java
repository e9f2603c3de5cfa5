package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.Section;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Clinical items that a provider listed under a List code this adapter does not know, so that they
 * are shown in their section instead of dropped.
 *
 * <p>GP Connect names each clinical area by its List's SNOMED CT code, and the mapper reads Lists
 * by those codes. A provider (or a published example: GP Connect 1.6's own allergies example lists
 * a resolved allergy under the placeholder code {@code TBD}, and its referrals example uses another
 * code than the specification's) may use a code the adapter does not know, and GP Connect's 21
 * secondary Lists ("Consultations - allergies contained in consultations" and the like) carry items
 * linked to consultations or problems under codes of their own. Reading only the area codes would
 * lose those items without a trace. This class routes each entry of such a List by the type of the
 * resource it lists (an AllergyIntolerance to allergies, a ReferralRequest to referrals and so on),
 * unless a List with an area code already lists the same resource. Consultation topic and category
 * Lists are structure, not content, and are left to the consultation mapping. Each routed entry
 * comes back in a List of its own section, keeping the original List's title and warnings, so the
 * mapper reads it like any other: readable entries are shown, unreadable or dangling ones make the
 * section partial. Entries of a type no section holds (a diary entry's ProcedureRequest) are
 * counted in {@link #unplaced()} for the log.
 */
final class OtherLists {

  /** List codes the mapper reads its areas from. */
  static final Set<String> AREA_CODES =
      Set.of(
          Gpc.LIST_ALLERGIES,
          Gpc.LIST_ENDED_ALLERGIES,
          Gpc.LIST_MEDICATIONS,
          Gpc.LIST_PROBLEMS,
          Gpc.LIST_IMMUNISATIONS,
          Gpc.LIST_CONSULTATIONS,
          Gpc.LIST_REFERRALS,
          Gpc.LIST_INVESTIGATIONS,
          Gpc.LIST_UNCATEGORISED);

  /**
   * The consultation structure Lists (topic, category): they re-list items of a consultation that
   * the primary or secondary Lists carry, so they are neither routed nor counted as listing them.
   */
  static final Set<String> STRUCTURE_CODES = Set.of(Gpc.LIST_TOPIC, Gpc.LIST_CATEGORY);

  private static final Map<String, Section> SECTION_BY_TYPE =
      Map.of(
          "AllergyIntolerance", Section.ALLERGIES,
          "MedicationStatement", Section.MEDICATIONS,
          "Condition", Section.PROBLEMS,
          "Immunization", Section.IMMUNISATIONS,
          "Encounter", Section.ENCOUNTERS,
          "ReferralRequest", Section.REFERRALS,
          "Observation", Section.RESULTS,
          "DiagnosticReport", Section.RESULTS);

  private final Map<Section, List<ListResource>> bySection = new EnumMap<>(Section.class);
  private final List<String> unplaced = new ArrayList<>();

  OtherLists(BundleIndex index) {
    Set<Resource> listedUnderKnownCodes = Collections.newSetFromMap(new IdentityHashMap<>());
    List<ListResource> others = new ArrayList<>();
    for (ListResource list : index.all(ListResource.class)) {
      if (hasCodeIn(list, STRUCTURE_CODES)) {
        continue;
      }
      if (hasCodeIn(list, AREA_CODES)) {
        for (ListResource.ListEntryComponent entry : list.getEntry()) {
          index.resolve(entry.getItem(), list).ifPresent(listedUnderKnownCodes::add);
        }
      } else {
        others.add(list);
      }
    }
    for (ListResource list : others) {
      Map<Section, ListResource> routed = new EnumMap<>(Section.class);
      for (ListResource.ListEntryComponent entry : list.getEntry()) {
        if (entry.getDeleted()) {
          continue;
        }
        Optional<Resource> target = index.resolve(entry.getItem(), list);
        if (target.isPresent() && listedUnderKnownCodes.contains(target.get())) {
          continue;
        }
        String type = target.map(Resource::fhirType).orElseGet(() -> typeOf(entry.getItem()));
        Section section = SECTION_BY_TYPE.get(type);
        if (section == null) {
          unplaced.add(
              "%s lists '%s' (%s), which no section holds"
                  .formatted(Stu3Values.describe(list), entry.getItem().getReference(), type));
          continue;
        }
        Reference item = new Reference(entry.getItem().getReference());
        target.ifPresent(item::setResource);
        routed.computeIfAbsent(section, s -> copyOf(list)).addEntry().setItem(item);
      }
      routed.forEach(
          (section, copy) -> bySection.computeIfAbsent(section, s -> new ArrayList<>()).add(copy));
    }
  }

  /** Lists of this section's items found under unknown codes; each resolves its own entries. */
  List<ListResource> of(Section section) {
    return bySection.getOrDefault(section, List.of());
  }

  /** Entries under unknown codes that no section holds, with ids: for the operator's log only. */
  List<String> unplaced() {
    return List.copyOf(unplaced);
  }

  private static boolean hasCodeIn(ListResource list, Set<String> codes) {
    return list.getCode().getCoding().stream()
        .anyMatch(c -> c.hasCode() && codes.contains(c.getCode().strip()));
  }

  /** The title a List of unknown code goes by: its title, else its code's display. */
  static Optional<String> title(ListResource list) {
    if (list.hasTitle() && !list.getTitle().isBlank()) {
      return Optional.of(list.getTitle().strip());
    }
    return Stu3Values.text(list.getCode());
  }

  private static String typeOf(Reference reference) {
    if (!reference.hasReference()) {
      return "a resource";
    }
    IdType id = new IdType(reference.getReference());
    return id.hasResourceType() ? id.getResourceType() : "a resource";
  }

  /** The List's identity, title, code and warnings, without its entries. */
  private static ListResource copyOf(ListResource list) {
    ListResource copy = new ListResource();
    copy.setId(list.getIdElement());
    copy.setTitle(title(list).orElse(null));
    copy.setCode(list.getCode());
    copy.setExtension(list.getExtension());
    return copy;
  }
}
