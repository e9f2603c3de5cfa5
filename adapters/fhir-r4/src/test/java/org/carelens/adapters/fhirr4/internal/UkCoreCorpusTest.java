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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.ResultItem;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks NHS England's official UK Core R4 examples ({@code shared/corpus/uk-core-r4}, beside the
 * repository root): every file must parse with HAPI R4, strictly, and every clinical resource must
 * map without error. References between examples resolve across the corpus, as they would on one
 * FHIR server.
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

    for (Resource resource : INDEX.all()) {
      if (!R4ResourceMapper.isClinical(resource)) {
        resources.merge(resource.fhirType() + " (context)", 1, Integer::sum);
        continue;
      }
      resources.merge(resource.fhirType(), 1, Integer::sum);
      try {
        List<ClinicalItem> mapped = MAPPER.map(resource, INDEX);
        items.merge(resource.fhirType(), mapped.size(), Integer::sum);
        for (ClinicalItem item : mapped) {
          assertThat(item.provenance().sourceItemId()).contains("/");
          assertThat(item.concept().code()).isNotBlank();
        }
      } catch (BadResourceException e) {
        failures.add(e.getMessage());
      }
    }
    report(resources, items, failures);

    assertThat(failures).isEmpty();
    for (String type : R4ResourceMapper.SECTIONS.keySet()) {
      if (resources.containsKey(type)) {
        assertThat(items.getOrDefault(type, 0)).as(type + " items").isPositive();
      }
    }
    assertThat(items.keySet()).containsAll(R4ResourceMapper.SECTIONS.keySet());
  }

  @Test
  void medication_statement_keeps_its_dmd_code_dose_and_dates() throws Exception {
    Resource statement = PARSED.get("UKCore-MedicationStatement-Amoxicillin-Example.xml");

    MedicationItem item = (MedicationItem) MAPPER.map(statement, INDEX).getFirst();

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

    MedicationItem item = (MedicationItem) MAPPER.map(request, INDEX).getFirst();

    assertThat(item.concept().system()).isEqualTo(CodedConcept.DM_D);
    assertThat(item.concept().display()).containsIgnoringCase("timoptol");
  }

  @Test
  void inpatient_encounter_is_an_admission_with_discharge_method_and_destination()
      throws Exception {
    Resource encounter = PARSED.get("UKCore-Encounter-InpatientEncounter-Example.xml");

    EncounterItem item = (EncounterItem) MAPPER.map(encounter, INDEX).getFirst();

    assertThat(item.kind()).isEqualTo(EncounterItem.Kind.ADMISSION);
    assertThat(item.concept()).isEqualTo(CodedConcept.snomed("185212007", "Seen in hospital ward"));
    assertThat(item.start()).contains(java.time.LocalDate.of(2019, 12, 10));
    assertThat(item.dischargeDetails().orElseThrow())
        .contains("Method: Patient discharged on clinical advice")
        .contains("Destination: Usual place of residence");
    assertThat(item.summary()).contains("General treatment");
  }

  @Test
  void no_known_allergies_is_a_statement_about_the_section_not_an_allergy() throws Exception {
    Resource nka = PARSED.get("UKCore-AllergyIntolerance-Sn-NegHandlNoKnownAllergies-Example.xml");

    List<ClinicalItem> items = MAPPER.map(nka, INDEX);

    assertThat(R4ResourceMapper.assertsNoKnownAllergy(nka)).isTrue();
    assertThat(items).isEmpty();
  }

  @Test
  void allergy_entered_in_error_is_not_shown() throws Exception {
    Resource error = PARSED.get("UKCore-AllergyIntolerance-EnteredInError-Example.xml");

    assertThat(MAPPER.map(error, INDEX)).isEmpty();
  }

  @Test
  void transfer_degraded_allergy_shows_what_the_sender_recorded() throws Exception {
    Resource degraded =
        PARSED.get("UKCore-AllergyIntolerance-Sn-TransferDegradedDrugAllergy-Example.xml");

    AllergyItem item = (AllergyItem) MAPPER.map(degraded, INDEX).getFirst();

    assertThat(item.concept().code()).isEqualTo("196461000000101");
    assertThat(item.concept().display())
        .isEqualTo("Amoxicillin 250mg capsules (transfer-degraded)");
  }

  @Test
  void report_whose_results_are_not_in_the_answer_says_so_instead_of_dropping_them()
      throws Exception {
    // The corpus holds the report but not its full blood count panel.
    Resource report = PARSED.get("UKCore-DiagnosticReport-Lab-DiagnosticStudiesReport-Example.xml");

    List<ClinicalItem> items = MAPPER.map(report, INDEX);

    assertThat(items).hasSize(1);
    ResultItem item = (ResultItem) items.getFirst();
    assertThat(item.value().orElseThrow())
        .endsWith("1 of 1 results not included in the source's answer");
    assertThat(item.report()).isPresent();
  }

  @Test
  void observation_with_a_quantity_keeps_value_unit_and_range() throws Exception {
    Resource albumin = PARSED.get("UKCore-Observation-Lab-Albumin-Example.xml");

    ResultItem item = (ResultItem) MAPPER.map(albumin, INDEX).getFirst();

    assertThat(item.value()).isPresent();
    assertThat(item.unit()).isPresent();
    assertThat(item.status()).isEqualTo(ResultItem.Status.FINAL);
  }

  @Test
  void observation_with_absent_data_has_no_value_rather_than_a_made_up_one() throws Exception {
    Resource absent = PARSED.get("UKCore-Observation-Lab-Sn-AbsentData-Example.xml");

    ResultItem item = (ResultItem) MAPPER.map(absent, INDEX).getFirst();

    assertThat(item.value()).isEmpty();
  }

  @Test
  void document_reference_points_at_its_attachment_url() throws Exception {
    Resource document = PARSED.get("UKCore-DocumentReference-CarePlanReportPDF-Example.xml");

    DocumentItem item = (DocumentItem) MAPPER.map(document, INDEX).getFirst();

    assertThat(item.title()).isEqualTo("Care Plan Report");
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
