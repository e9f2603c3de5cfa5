package org.carelens.adapters.gpconnect.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.hl7.fhir.dstu3.model.AllergyIntolerance;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * Replays the example responses NHS Digital publishes with GP Connect Access Record: Structured
 * 1.6.2 ({@code src/test/resources/gpconnect/published-1.6.2}, see its SOURCE.md) through the
 * mapper, as a provider's answers. Nothing may be lost silently: every item a List names is shown,
 * or is counted in its section's completeness, or is named here as not an item by design; an answer
 * that cannot be read at all is refused as a whole.
 */
class GpConnectPublishedExamplesTest {

  private static final String FOLDER = "/gpconnect/published-1.6.2/";

  /** Every published response but the placeholder documents example. */
  private static final List<String> EXAMPLES =
      List.of(
          "allergies_response1.json",
          "allergies_response2.json",
          "allergies_response3.json",
          "consultations_forwards_response1.json",
          "consultations_response1.json",
          "consultations_response2.json",
          "consultations_response3.json",
          "diaryentries_response1.json",
          "immunizations_response1.json",
          "immunizations_response2.json",
          "immunizations_response3.json",
          "meds_response.json",
          "pathology_response1.json",
          "pathology_response2.json",
          "problems_response1.json",
          "problems_response2.json",
          "problems_response3.json",
          "referrals_response1.json",
          "uncategorised_response1.json",
          "uncategorised_response2.json",
          "uncategorised_response3.json");

  /** Published as invalid JSON (a trailing comma in a List's entries). */
  private static final Set<String> NOT_JSON = Set.of("consultations_response1.json");

  /**
   * Resource types a List may name that no Carelens section holds: diary entries (recalls), which
   * Carelens does not ask GP Connect for. They are logged, not shown.
   */
  private static final Set<String> NOT_ITEMS_BY_DESIGN = Set.of("ProcedureRequest");

  private static final Set<Section> ALL =
      EnumSet.of(
          Section.ALLERGIES,
          Section.MEDICATIONS,
          Section.PROBLEMS,
          Section.ENCOUNTERS,
          Section.IMMUNISATIONS,
          Section.REFERRALS,
          Section.RESULTS);

  private final GpConnectBundleMapper mapper = new GpConnectBundleMapper("gp");

  @Test
  void every_example_is_read_or_refused_as_a_whole() {
    for (String name : EXAMPLES) {
      if (NOT_JSON.contains(name)) {
        assertThatThrownBy(() -> parse(name)).as(name).isInstanceOf(RuntimeException.class);
        continue;
      }
      assertThat(record(name).sections()).as(name).containsOnlyKeys(ALL);
    }
  }

  /**
   * The accounting across every example: each entry of each List (consultation structure Lists
   * aside) is shown as an item, or is entered in error, or is of a kind named as not an item, or is
   * counted as unreadable in some section. Dangling entries are all counted.
   */
  @Test
  void every_listed_entry_is_shown_or_counted() {
    List<String> lost = new ArrayList<>();
    int entries = 0;
    int shown = 0;
    for (String name : EXAMPLES) {
      if (NOT_JSON.contains(name)) {
        continue;
      }
      Bundle bundle = parse(name);
      SourceRecord record = map(bundle);
      Set<String> itemIds =
          record.sections().values().stream()
              .flatMap(s -> s.items().stream())
              .map(i -> i.provenance().sourceItemId())
              .collect(Collectors.toSet());
      BundleIndex index = new BundleIndex(bundle);
      int dangling = 0;
      for (ListResource list : index.all(ListResource.class)) {
        if (OtherLists.STRUCTURE_CODES.stream().anyMatch(c -> hasCode(list, c))) {
          continue;
        }
        for (ListResource.ListEntryComponent entry : list.getEntry()) {
          entries++;
          Resource target = index.resolve(entry.getItem(), list).orElse(null);
          if (target == null) {
            String type =
                new org.hl7.fhir.dstu3.model.IdType(entry.getItem().getReference())
                    .getResourceType();
            if (!NOT_ITEMS_BY_DESIGN.contains(type)) {
              dangling++;
            }
            continue;
          }
          if (NOT_ITEMS_BY_DESIGN.contains(target.fhirType()) || enteredInError(target)) {
            continue;
          }
          List<String> expectedIds = shownAs(target, index);
          if (itemIds.containsAll(expectedIds)) {
            shown++;
          } else {
            lost.add(name + ": " + Stu3Values.describe(target));
          }
        }
      }
      assertThat(unreadable(record))
          .as(name + ": unreadable items counted, at least the dangling entries")
          .isGreaterThanOrEqualTo(dangling);
    }
    assertThat(lost).as("listed items neither shown nor counted").isEmpty();
    assertThat(shown).isGreaterThan(20);
    assertThat(entries).isGreaterThan(shown);
  }

  @Test
  void allergies_example_shows_the_three_readable_allergies_and_the_resolved_one_and_is_partial() {
    SectionContent<?> allergies =
        record("allergies_response1.json").section(Section.ALLERGIES).orElseThrow();

    assertThat(allergies.items())
        .map(i -> ((AllergyItem) i).concept().display() + " " + ((AllergyItem) i).status())
        .containsExactlyInAnyOrder(
            "Amoxicillin 250mg capsules ACTIVE",
            "Peanut - dietary ACTIVE",
            "Transfer-degraded drug allergy ACTIVE",
            // Listed under the placeholder List code "TBD" ("Resolved Allergies"), contained.
            "Aspirin 75mg dispersible tablet RESOLVED");
    assertThat(allergies.completeness())
        .isEqualTo(Completeness.partial(1, "1 listed AllergyIntolerance not in the bundle"));
  }

  @Test
  void referrals_listed_under_another_code_than_the_specifications_are_shown() {
    SectionContent<?> referrals =
        record("referrals_response1.json").section(Section.REFERRALS).orElseThrow();

    assertThat(referrals.items()).hasSize(2).allMatch(ReferralItem.class::isInstance);
    assertThat(referrals.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void a_dissent_to_immunisation_is_shown_with_the_immunisations_as_a_status_record() {
    SectionContent<?> immunisations =
        record("immunizations_response3.json").section(Section.IMMUNISATIONS).orElseThrow();

    assertThat(immunisations.items())
        .singleElement()
        .satisfies(
            i -> {
              ImmunisationItem record = (ImmunisationItem) i;
              assertThat(record.concept().display()).isEqualTo("No consent for any immunization");
              assertThat(record.status()).isEqualTo(ImmunisationItem.Status.STATUS_RECORD);
              assertThat(record.date()).contains(LocalDate.of(2019, 3, 28));
            });
    assertThat(immunisations.completeness()).isEqualTo(Completeness.complete());
  }

  @Test
  void an_example_without_the_areas_list_leaves_the_area_unavailable_not_empty() {
    SourceRecord record = record("problems_response1.json");

    for (Section section : ALL) {
      assertThat(record.section(section).orElseThrow().completeness())
          .as(section.key())
          .isInstanceOf(Completeness.Unavailable.class);
    }
  }

  private SourceRecord record(String name) {
    return map(parse(name));
  }

  private SourceRecord map(Bundle bundle) {
    try {
      return mapper.map(bundle, nhsNumber(bundle), ALL);
    } catch (MalformedBundleException e) {
      throw new AssertionError(e);
    }
  }

  /** The NHS number the example's Patient carries. */
  private static NhsNumber nhsNumber(Bundle bundle) {
    Patient patient =
        bundle.getEntry().stream()
            .map(Bundle.BundleEntryComponent::getResource)
            .filter(Patient.class::isInstance)
            .map(Patient.class::cast)
            .findFirst()
            .orElseThrow();
    String value =
        patient.getIdentifier().stream()
            .filter(i -> Gpc.NHS_NUMBER_SYSTEM.equals(i.getSystem()))
            .findFirst()
            .orElseThrow()
            .getValue();
    if (!NhsNumber.isValid(value)) {
      // The pathology examples carry 9432003812, which fails the Modulus 11 check; a provider
      // answers for the number asked, so the replay asks for a valid one and the example says it.
      value = "9999999999";
      for (var identifier : patient.getIdentifier()) {
        if (Gpc.NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
          identifier.setValue(value);
        }
      }
    }
    return new NhsNumber(value);
  }

  /** The item ids a listed resource is shown as: a report as its results, others as themselves. */
  private static List<String> shownAs(Resource target, BundleIndex index) {
    if (target instanceof DiagnosticReport report) {
      List<String> ids = new ArrayList<>();
      for (Reference result : report.getResult()) {
        index.resolve(result, report).ifPresent(r -> ids.add(r.getIdElement().getIdPart()));
      }
      return ids;
    }
    return List.of(target.getIdElement().getIdPart());
  }

  private static boolean enteredInError(Resource resource) {
    return resource instanceof AllergyIntolerance allergy
        && allergy.getVerificationStatus()
            == AllergyIntolerance.AllergyIntoleranceVerificationStatus.ENTEREDINERROR;
  }

  private static int unreadable(SourceRecord record) {
    int count = 0;
    for (SectionContent<? extends ClinicalItem> section : record.sections().values()) {
      if (section.completeness() instanceof Completeness.Partial partial) {
        count += partial.unreadableItems();
      }
    }
    return count;
  }

  private static boolean hasCode(ListResource list, String code) {
    return list.getCode().getCoding().stream().anyMatch(c -> code.equals(c.getCode()));
  }

  private static Bundle parse(String name) {
    try (InputStream in = GpConnectPublishedExamplesTest.class.getResourceAsStream(FOLDER + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no published example " + name);
      }
      return (Bundle)
          Gpc.jsonParser().parseResource(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
