package org.carelens.adapters.fhirr4.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.SearchEntryMode;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks NHS England's official UK Core R4 examples ({@code shared/corpus/uk-core-r4}, beside the
 * repository root): every file must parse with HAPI R4, strictly, every clinical resource must map,
 * and replaying the examples as search answers loses nothing silently: each is shown, is by design
 * not an item (named, with why), or is counted as unreadable in its section. References between
 * examples resolve across the corpus, as they would on one FHIR server.
 */
class UkCoreCorpusTest {

  /** From the module directory (Surefire's working directory) to the corpus. */
  static final Path CORPUS = Path.of("../../../shared/corpus/uk-core-r4");

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Map<String, Resource> PARSED = new LinkedHashMap<>();
  private static final ResourceIndex INDEX = new ResourceIndex();
  private static final R4ResourceMapper MAPPER =
      new R4ResourceMapper(
          new ItemOrigin("acute", "RR8", Optional.of("Leeds Teaching Hospitals NHS Trust")),
          Optional.of(java.net.URI.create("https://fhir.example.nhs.uk/R4")));

  @BeforeAll
  static void parseTheCorpus() throws IOException {
    assertThat(CORPUS.resolve("SOURCE.md"))
        .as("the UK Core corpus must sit beside the repository root")
        .exists();
    IParser parser = FHIR.newXmlParser().setParserErrorHandler(new StrictErrorHandler());
    try (Stream<Path> files = Files.list(CORPUS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
        Resource resource =
            (Resource) parser.parseResource(Files.readString(file, StandardCharsets.UTF_8));
        PARSED.put(file.getFileName().toString(), resource);
        INDEX.add(resource);
      }
    }
  }

  @Test
  void every_file_in_the_corpus_parses_strictly_as_fhir_r4() throws IOException {
    long files;
    try (Stream<Path> all = Files.list(CORPUS)) {
      files = all.filter(f -> f.toString().endsWith(".xml")).count();
    }

    assertThat(PARSED).hasSize((int) files).hasSizeGreaterThanOrEqualTo(87);
  }

  @Test
  void every_clinical_resource_maps_and_every_clinical_type_produces_items() throws IOException {
    Map<String, Integer> resources = new TreeMap<>();
    Map<String, Integer> items = new TreeMap<>();
    List<String> failures = new ArrayList<>();
    List<String> silent = new ArrayList<>();

    for (Resource resource : INDEX.all()) {
      if (!R4ResourceMapper.isClinical(resource)) {
        resources.merge(resource.fhirType() + " (context)", 1, Integer::sum);
        continue;
      }
      resources.merge(resource.fhirType(), 1, Integer::sum);
      UnreadableItems unreadable = new UnreadableItems();
      try {
        List<ClinicalItem> mapped = MAPPER.map(resource, INDEX, unreadable);
        items.merge(resource.fhirType(), mapped.size(), Integer::sum);
        for (ClinicalItem item : mapped) {
          assertThat(item.provenance().sourceItemId()).contains("/");
          assertThat(item.concept().code()).isNotBlank();
        }
        failures.addAll(unreadable.details());
        if (mapped.isEmpty() && !NOT_ITEMS_BY_DESIGN.containsKey(id(resource))) {
          silent.add(id(resource));
        }
      } catch (BadResourceException e) {
        failures.add(e.getMessage());
      }
    }
    report(resources, items, failures);

    // Two reports list a result the corpus does not hold; each is counted, nothing else fails.
    assertThat(failures)
        .as("parts of the corpus that could not be read")
        .containsExactlyInAnyOrder(
            "DiagnosticReport/UKCore-DiagnosticReport-DiagnosticStudiesReport-Example lists result"
                + " 'Observation/UKCore-Observation-FingerJointInflamed-Example', which is not in"
                + " the answer",
            "DiagnosticReport/UKCore-DiagnosticReport-Lab-DiagnosticStudiesReport-Example lists"
                + " result 'Observation/UKCore-Observation-Group-FullBloodCount-Example', which is"
                + " not in the answer");
    assertThat(silent).as("clinical resources that gave no item and were not counted").isEmpty();
    for (String type : R4ResourceMapper.SECTIONS.keySet()) {
      if (resources.containsKey(type)) {
        assertThat(items.getOrDefault(type, 0)).as(type + " items").isPositive();
      }
    }
    assertThat(items.keySet()).containsAll(R4ResourceMapper.SECTIONS.keySet());
  }

  /**
   * The corpus replayed as a trust's answers: each search the adapter makes answers with every
   * example of its type (reports with their results included). Every example a search matched is
   * then shown as an item, is one of the few that are by design not items, or is counted as
   * unreadable in its section's completeness. Nothing is lost silently.
   */
  @Test
  void replaying_the_corpus_as_search_answers_shows_or_counts_every_example() {
    Map<Search, List<Bundle>> answered = new EnumMap<>(Search.class);
    for (Search search : Search.values()) {
      Bundle page = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      if (search != Search.PATIENT) {
        // Results a report lists come as includes; the others as matches of their own.
        Set<Resource> reported = reportedResults();
        for (Resource resource : matched(search)) {
          page.addEntry().setResource(resource).getSearch().setMode(SearchEntryMode.MATCH);
        }
        if (search == Search.RESULTS) {
          reported.forEach(
              r -> page.addEntry().setResource(r).getSearch().setMode(SearchEntryMode.INCLUDE));
        }
      }
      answered.put(search, List.of(page));
    }
    Set<Section> sections = Search.offered();

    SourceOutcome outcome =
        ASSEMBLER.assemble(new NhsNumber("9912003888"), answered, Map.of(), sections);

    SourceRecord record = ((SourceOutcome.Loaded) outcome).record();
    assertThat(record.sections().keySet()).isEqualTo(sections);
    for (Search search : Search.values()) {
      if (search.section().isEmpty()) {
        continue;
      }
      SectionContent<?> content = record.section(search.section().get()).orElseThrow();
      Set<String> shown = new HashSet<>();
      content.items().forEach(i -> shown.add(i.provenance().sourceItemId()));
      int missingResults = 0;
      List<String> notShown = new ArrayList<>();
      for (Resource resource : matched(search)) {
        boolean itemsOfIt =
            shown.contains(id(resource))
                || resource instanceof DiagnosticReport report
                    && report.getResult().stream()
                        .map(r -> INDEX.resolve(r, report))
                        .flatMap(Optional::stream)
                        .anyMatch(r -> shown.contains(id(r)));
        if (resource instanceof DiagnosticReport report) {
          missingResults +=
              (int)
                  report.getResult().stream()
                      .filter(r -> !(INDEX.resolve(r, report).orElse(null) instanceof Observation))
                      .count();
        }
        if (!itemsOfIt && !NOT_ITEMS_BY_DESIGN.containsKey(id(resource))) {
          notShown.add(id(resource));
        }
      }
      int unreadable =
          content.completeness() instanceof Completeness.Partial partial
              ? partial.unreadableItems()
              : 0;

      assertThat(content.completeness())
          .as("%s completeness", search.describe())
          .isNotInstanceOf(Completeness.Unavailable.class);
      assertThat(unreadable)
          .as("%s: examples neither shown nor counted (not shown: %s)", search.describe(), notShown)
          .isEqualTo(notShown.size() + missingResults);
    }
  }

  @Test
  void medication_statement_keeps_its_dmd_code_dose_and_dates() throws Exception {
    Resource statement = PARSED.get("UKCore-MedicationStatement-Amoxicillin-Example.xml");

    MedicationItem item = (MedicationItem) items(statement).getFirst();

    assertThat(item.concept())
        .isEqualTo(CodedConcept.dmd("39732311000001104", "Amoxicillin 250mg capsules"));
    assertThat(item.status()).isEqualTo(MedicationItem.Status.ACTIVE);
    assertThat(item.dosageText()).contains("2 capsules 4 times a day.");
    assertThat(item.startDate()).contains(java.time.LocalDate.of(2021, 2, 15));
    assertThat(item.endDate()).contains(java.time.LocalDate.of(2021, 5, 15));
    assertThat(item.provenance().sourceItemId())
        .isEqualTo("MedicationStatement/UKCore-MedicationStatement-Amoxicillin-Example");
  }

  @Test
  void medication_referenced_from_another_resource_is_resolved_to_its_code() throws Exception {
    Resource request = PARSED.get("UKCore-MedicationRequest-EyeDrops-Example.xml");

    MedicationItem item = (MedicationItem) items(request).getFirst();

    assertThat(item.concept().system()).isEqualTo(CodedConcept.DM_D);
    assertThat(item.concept().display()).containsIgnoringCase("timoptol");
  }

  @Test
  void inpatient_encounter_is_an_admission_with_discharge_method_and_destination()
      throws Exception {
    Resource encounter = PARSED.get("UKCore-Encounter-InpatientEncounter-Example.xml");

    EncounterItem item = (EncounterItem) items(encounter).getFirst();

    assertThat(item.kind()).isEqualTo(EncounterItem.Kind.ADMISSION);
    assertThat(item.concept()).isEqualTo(CodedConcept.snomed("185212007", "Seen in hospital ward"));
    assertThat(item.start()).contains(java.time.LocalDate.of(2019, 12, 10));
    assertThat(item.startTime())
        .contains(java.time.OffsetDateTime.parse("2019-12-10T13:00:00+00:00"));
    assertThat(item.endTime())
        .contains(java.time.OffsetDateTime.parse("2019-12-11T13:00:00+00:00"));
    assertThat(item.dischargeDetails().orElseThrow())
        .contains("Method: Patient discharged on clinical advice")
        .contains("Destination: Usual place of residence");
    assertThat(item.summary()).contains("General treatment");
  }

  @Test
  void no_known_allergies_is_a_statement_about_the_section_not_an_allergy() throws Exception {
    Resource nka = PARSED.get("UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example.xml");

    List<ClinicalItem> items = items(nka);

    assertThat(R4ResourceMapper.assertsNoKnownAllergy(nka)).isTrue();
    assertThat(items).isEmpty();
  }

  @Test
  void allergy_entered_in_error_is_not_shown() throws Exception {
    Resource error = PARSED.get("UKCore-AllergyIntolerance-EnteredInError-Example.xml");

    assertThat(items(error)).isEmpty();
  }

  @Test
  void transfer_degraded_allergy_shows_what_the_sender_recorded() throws Exception {
    Resource degraded =
        PARSED.get("UKCore-AllergyIntolerance-Sn-TransferDegradedDrugAllergy-Example.xml");

    AllergyItem item = (AllergyItem) items(degraded).getFirst();

    assertThat(item.concept().code()).isEqualTo("196461000000101");
    assertThat(item.concept().display())
        .isEqualTo("Amoxicillin 250mg capsules (transfer-degraded)");
  }

  @Test
  void report_whose_results_are_not_in_the_answer_says_so_instead_of_dropping_them()
      throws Exception {
    // The corpus holds the report but not its full blood count panel.
    Resource report = PARSED.get("UKCore-DiagnosticReport-Lab-DiagnosticStudiesReport-Example.xml");
    UnreadableItems unreadable = new UnreadableItems();

    List<ClinicalItem> items = MAPPER.map(report, INDEX, unreadable);

    assertThat(unreadable.completeness())
        .isEqualTo(Completeness.partial(1, "1 DiagnosticReport result not in the answer"));
    assertThat(items).hasSize(1);
    ResultItem item = (ResultItem) items.getFirst();
    assertThat(item.value().orElseThrow())
        .endsWith("1 of 1 results not included in the source's answer");
    assertThat(item.report()).isPresent();
  }

  @Test
  void observation_with_a_quantity_keeps_value_unit_and_range() throws Exception {
    Resource albumin = PARSED.get("UKCore-Observation-Lab-Albumin-Example.xml");

    ResultItem item = (ResultItem) items(albumin).getFirst();

    assertThat(item.value()).isPresent();
    assertThat(item.unit()).isPresent();
    assertThat(item.status()).isEqualTo(ResultItem.Status.FINAL);
  }

  @Test
  void observation_with_absent_data_has_no_value_rather_than_a_made_up_one() throws Exception {
    Resource absent = PARSED.get("UKCore-Observation-Lab-Sn-AbsentData-Example.xml");

    ResultItem item = (ResultItem) items(absent).getFirst();

    assertThat(item.value()).isEmpty();
  }

  @Test
  void document_reference_points_at_its_attachment_url() throws Exception {
    Resource document = PARSED.get("UKCore-DocumentReference-CarePlanReportPDF-Example.xml");

    DocumentItem item = (DocumentItem) items(document).getFirst();

    assertThat(item.title()).isEqualTo("Care Plan Report");
    // DocumentReference.date is an instant: its time and offset are kept, on the day they name.
    assertThat(item.date()).contains(java.time.LocalDate.of(2016, 3, 8));
    assertThat(item.time()).contains(java.time.OffsetDateTime.parse("2016-03-08T15:26:00+01:00"));
    assertThat(item.contentType()).contains("application/pdf");
    assertThat(item.contentReference())
        .contains("https://health.trust.uk/CarePlanReport_44301kfgd.pdf");
  }

  @Test
  void bundles_in_the_corpus_hold_resources_the_index_can_reach() {
    Bundle news2 = (Bundle) PARSED.get("UKCore-Bundle-NEWS2Observations-Example.xml");

    assertThat(news2.getEntry()).isNotEmpty();
    assertThat(INDEX.all()).contains(news2.getEntry().getFirst().getResource());
  }

  /**
   * Examples that are by design not items, and why. Anything else that gives no item must be
   * counted as unreadable.
   */
  private static final Map<String, String> NOT_ITEMS_BY_DESIGN =
      Map.of(
          "AllergyIntolerance/UKCore-AllergyIntolerance-EnteredInError-Example",
          "entered in error: it was never true of the patient",
          "AllergyIntolerance/UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example",
          "no known allergies: the allergy section's empty reason, not an allergy");

  private static final RecordAssembler ASSEMBLER = new RecordAssembler("acute", MAPPER);

  private static List<ClinicalItem> items(Resource resource) throws BadResourceException {
    return MAPPER.map(resource, INDEX, new UnreadableItems());
  }

  private static String id(Resource resource) {
    return resource.fhirType() + "/" + resource.getIdElement().getIdPart();
  }

  /** The examples a search matches: its type; for reports, also the results no report lists. */
  private static List<Resource> matched(Search search) {
    List<Resource> matched = new ArrayList<>();
    for (Resource resource : INDEX.all()) {
      if (resource.fhirType().equals(search.resourceType())) {
        matched.add(resource);
      }
    }
    if (search == Search.RESULTS) {
      Set<Resource> reported = reportedResults();
      INDEX.all().stream()
          .filter(r -> r instanceof Observation && !reported.contains(r))
          .forEach(matched::add);
    }
    return matched;
  }

  /** The Observations some report in the corpus lists as a result. */
  private static Set<Resource> reportedResults() {
    Set<Resource> reported = new HashSet<>();
    for (Resource resource : INDEX.all()) {
      if (resource instanceof DiagnosticReport report) {
        report.getResult().forEach(r -> INDEX.resolve(r, report).ifPresent(reported::add));
      }
    }
    return reported;
  }

  private static void report(
      Map<String, Integer> resources, Map<String, Integer> items, List<String> failures)
      throws IOException {
    StringBuilder text = new StringBuilder();
    text.append("UK Core R4 corpus: ").append(PARSED.size()).append(" files parsed\n");
    text.append(String.format("%-40s %9s %6s%n", "resource type", "resources", "items"));
    resources.forEach(
        (type, count) ->
            text.append(
                String.format(
                    "%-40s %9d %6s%n",
                    type, count, type.endsWith("(context)") ? "-" : items.getOrDefault(type, 0))));
    text.append("mapping failures: ").append(failures.size()).append('\n');
    failures.forEach(f -> text.append("  ").append(f).append('\n'));
    System.out.print(text);
    Path out = Path.of("target", "uk-core-corpus-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text);
  }
}
