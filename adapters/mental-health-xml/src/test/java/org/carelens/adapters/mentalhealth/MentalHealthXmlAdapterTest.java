package org.carelens.adapters.mentalhealth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MentalHealthXmlAdapterTest {

  private static final String SUMMARY = "/rio/api/v2/clients/9990000018/summary";
  private static final String API_KEY = "rxy-test-key";

  private static WireMockServer trust;
  private MentalHealthXmlAdapter adapter;

  @BeforeAll
  static void startTrust() {
    trust = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    trust.start();
  }

  @AfterAll
  static void stopTrust() {
    trust.stop();
  }

  @BeforeEach
  void newAdapter() {
    trust.resetAll();
    adapter =
        new MentalHealthXmlAdapter(
            MentalHealthXmlConfig.withDefaults(
                "mental-health",
                "Mental health trust (RiO)",
                URI.create(trust.baseUrl() + "/"),
                "RXY",
                API_KEY));
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  @Test
  void gets_the_client_summary_with_the_api_key() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    adapter.fetch(Samples.request(Samples.PATIENT));

    trust.verify(
        getRequestedFor(urlEqualTo(SUMMARY))
            .withHeader("X-Api-Key", equalTo(API_KEY))
            .withHeader("Accept", equalTo("application/xml"))
            .withHeader("X-Correlation-Id", equalTo(Samples.CONTEXT.correlationId())));
  }

  @Test
  void care_coordinator_on_cpa_becomes_the_care_team_with_team_and_telephone() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.CARE_TEAM);

    CareTeamItem coordinator = (CareTeamItem) items(record, Section.CARE_TEAM).getFirst();
    assertThat(coordinator.concept().code()).isEqualTo("CARE_COORDINATOR");
    assertThat(coordinator.concept().display())
        .isEqualTo("Care coordinator (Care Programme Approach)");
    assertThat(coordinator.memberName()).isEqualTo("Daniel Okafor, Community mental health nurse");
    assertThat(coordinator.organisation())
        .contains(
            "Older People's Community Mental Health Team (Leeds), Riverside Mental Health NHS"
                + " Foundation Trust");
    assertThat(coordinator.contact()).contains("0113 496 0712");
    assertThat(coordinator.startDate()).contains(LocalDate.of(2025, 2, 3));
    assertThat(coordinator.provenance().sourceItemId()).isEqualTo("RXY-S48213");
    assertThat(coordinator.provenance().recordingOrganisationOds()).contains("RXY");
  }

  @Test
  void a_client_not_on_cpa_has_a_lead_professional() throws Exception {
    answer(200, Samples.text("client-summary.xml").replace("status=\"CPA\"", "status=\"NON_CPA\""));

    SourceRecord record = loaded(Section.CARE_TEAM);

    assertThat(items(record, Section.CARE_TEAM).getFirst().concept().code())
        .isEqualTo("LEAD_PROFESSIONAL");
  }

  @Test
  void risk_flags_become_alerts_and_risk_to_others_is_a_violence_marker() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.ALERTS);

    List<ClinicalItem> alerts = items(record, Section.ALERTS);
    assertThat(alerts)
        .extracting("concept", "kind", "status")
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                CodedConcept.snomed("225444004", "At risk for suicide"),
                AlertItem.Kind.OTHER,
                AlertItem.Status.ACTIVE),
            org.assertj.core.groups.Tuple.tuple(
                CodedConcept.snomed("61372001", "Aggressive behaviour"),
                AlertItem.Kind.VIOLENCE_MARKER,
                AlertItem.Status.INACTIVE));
  }

  @Test
  void diagnoses_prefer_snomed_and_keep_icd10_when_it_is_the_only_code() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.PROBLEMS);

    List<ClinicalItem> problems = items(record, Section.PROBLEMS);
    ProblemItem primary = (ProblemItem) problems.get(0);
    ProblemItem resolved = (ProblemItem) problems.get(1);
    assertThat(primary.concept())
        .isEqualTo(CodedConcept.snomed("370143000", "Major depressive disorder"));
    assertThat(primary.significance()).isEqualTo(ProblemItem.Significance.MAJOR);
    assertThat(primary.status()).isEqualTo(ProblemItem.Status.ACTIVE);
    assertThat(primary.onsetDate()).contains(LocalDate.of(2019, 6, 20));
    assertThat(resolved.concept().system()).isEqualTo("http://hl7.org/fhir/sid/icd-10");
    assertThat(resolved.concept().code()).isEqualTo("F41.1");
    assertThat(resolved.status()).isEqualTo(ProblemItem.Status.RESOLVED);
  }

  @Test
  void contacts_become_encounters_and_an_inpatient_stay_is_an_admission() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.ENCOUNTERS);

    EncounterItem visit = (EncounterItem) items(record, Section.ENCOUNTERS).get(0);
    EncounterItem stay = (EncounterItem) items(record, Section.ENCOUNTERS).get(1);
    assertThat(visit.kind()).isEqualTo(EncounterItem.Kind.COMMUNITY);
    assertThat(visit.summary()).contains("Seen; care plan reviewed");
    assertThat(visit.clinician()).contains("Daniel Okafor");
    assertThat(visit.sensitivity()).isEmpty();
    assertThat(stay.kind()).isEqualTo(EncounterItem.Kind.ADMISSION);
    assertThat(stay.start()).contains(LocalDate.of(2026, 7, 1));
    assertThat(stay.end()).contains(LocalDate.of(2026, 7, 22));
    assertThat(stay.location()).contains("Aire Ward, Riverside Mental Health Unit");
  }

  @Test
  void clinical_notes_are_documents_labelled_mental_health_notes_without_their_text()
      throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.DOCUMENTS);

    DocumentItem note = (DocumentItem) items(record, Section.DOCUMENTS).getFirst();
    assertThat(note.sensitivity()).containsExactly(Sensitivity.MENTAL_HEALTH_NOTES);
    assertThat(note.title()).isEqualTo("Progress note");
    assertThat(note.author()).contains("Daniel Okafor");
    assertThat(note.contentReference()).contains("rio:note:NT3302217");
    assertThat(note.toString()).doesNotContain("low mood");
  }

  @Test
  void a_note_the_trust_forgot_to_mark_sensitive_is_still_labelled() throws Exception {
    answer(
        200,
        Samples.text("client-summary.xml").replace("sensitive=\"true\"", "sensitive=\"false\""));

    SourceRecord record = loaded(Section.DOCUMENTS);

    assertThat(items(record, Section.DOCUMENTS).getFirst().sensitivity())
        .containsExactly(Sensitivity.MENTAL_HEALTH_NOTES);
  }

  @Test
  void the_client_identity_is_reported_for_comparison_with_other_sources() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.ALERTS);

    assertThat(record.patient())
        .hasValueSatisfying(
            p -> {
              assertThat(p.name().family()).isEqualTo("Jones");
              assertThat(p.birthDate()).isEqualTo(LocalDate.of(1948, 3, 12));
              assertThat(p.gender()).isEqualTo(Gender.FEMALE);
            });
  }

  @Test
  void only_the_requested_sections_are_returned() throws Exception {
    answer(200, Samples.text("client-summary.xml"));

    SourceRecord record = loaded(Section.ALERTS, Section.MEDICATIONS);

    assertThat(record.sections().keySet()).containsExactly(Section.ALERTS);
  }

  @Test
  void one_unmappable_diagnosis_costs_only_itself_and_makes_the_problems_partial()
      throws Exception {
    answer(
        200, Samples.text("client-summary.xml").replace("status=\"RESOLVED\"", "status=\"MAYBE\""));

    SourceRecord record = loaded();

    SectionContent<?> problems = record.section(Section.PROBLEMS).orElseThrow();
    assertThat(problems.items())
        .extracting(i -> ((ProblemItem) i).provenance().sourceItemId())
        .containsExactly("DX500321");
    assertThat(problems.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p -> {
              assertThat(p.unreadableItems()).isEqualTo(1);
              assertThat(p.reason())
                  .isEqualTo(
                      "1 of 2 listed <Diagnosis> items could not be read (a Diagnosis has an"
                          + " unknown status)");
            });
    assertThat(problems.emptyReason()).isEmpty();
    assertThat(record.section(Section.ALERTS).orElseThrow().completeness().isComplete()).isTrue();
    assertThat(items(record, Section.ENCOUNTERS)).hasSize(2);
  }

  @Test
  void an_element_of_an_unexpected_type_in_a_list_is_counted_and_the_rest_are_read()
      throws Exception {
    answer(
        200,
        Samples.text("client-summary.xml")
            .replace("<RiskFlags>", "<RiskFlags><Allergy id=\"AL1\">Peanuts</Allergy>"));

    SourceRecord record = loaded(Section.ALERTS);

    SectionContent<?> alerts = record.section(Section.ALERTS).orElseThrow();
    assertThat(alerts.items()).hasSize(2);
    assertThat(alerts.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p -> {
              assertThat(p.unreadableItems()).isEqualTo(1);
              assertThat(p.reason())
                  .contains("an element in <RiskFlags> is not a <RiskFlag>")
                  .doesNotContain("Peanuts")
                  .doesNotContain("Allergy");
            });
  }

  @Test
  void several_unreadable_items_are_all_counted_and_the_reason_never_quotes_them()
      throws Exception {
    answer(
        200,
        Samples.text("client-summary.xml")
            .replace("start=\"2026-11-15\"", "start=\"15/11/2026 Margaret\"")
            .replace("id=\"CT7781190\"", ""));

    SourceRecord record = loaded(Section.ENCOUNTERS);

    SectionContent<?> encounters = record.section(Section.ENCOUNTERS).orElseThrow();
    assertThat(encounters.items()).isEmpty();
    assertThat(encounters.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p -> {
              assertThat(p.unreadableItems()).isEqualTo(2);
              assertThat(p.reason())
                  .startsWith("2 of 2 listed <Contact> items could not be read (the first: ")
                  .doesNotContain("Margaret");
            });
  }

  @Test
  void a_missing_list_makes_its_section_unavailable_and_leaves_the_others() throws Exception {
    String summary = Samples.text("client-summary.xml");
    answer(
        200,
        summary.substring(0, summary.indexOf("<Contacts>"))
            + summary.substring(summary.indexOf("</Contacts>") + "</Contacts>".length()));

    SourceRecord record = loaded();

    SectionContent<?> encounters = record.section(Section.ENCOUNTERS).orElseThrow();
    assertThat(encounters.items()).isEmpty();
    assertThat(encounters.emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(encounters.completeness())
        .isEqualTo(
            Completeness.unavailable(
                "the summary has no <Contacts> element, which the trust sends even when it is"
                    + " empty"));
    assertThat(items(record, Section.PROBLEMS)).hasSize(2);
    assertThat(record.section(Section.PROBLEMS).orElseThrow().completeness().isComplete()).isTrue();
  }

  @Test
  void an_empty_list_is_a_complete_answer_of_nothing() throws Exception {
    String summary = Samples.text("client-summary.xml");
    answer(
        200,
        summary.substring(0, summary.indexOf("<Contacts>"))
            + "<Contacts/>"
            + summary.substring(summary.indexOf("</Contacts>") + "</Contacts>".length()));

    SourceRecord record = loaded(Section.ENCOUNTERS);

    SectionContent<?> encounters = record.section(Section.ENCOUNTERS).orElseThrow();
    assertThat(encounters.items()).isEmpty();
    assertThat(encounters.emptyReason()).isEmpty();
    assertThat(encounters.completeness().isComplete()).isTrue();
  }

  @Test
  void a_care_coordinator_without_a_name_is_counted_not_dropped_silently() throws Exception {
    answer(
        200, Samples.text("client-summary.xml").replace("<Name>Daniel Okafor</Name>", "<Name/>"));

    SourceRecord record = loaded(Section.CARE_TEAM);

    SectionContent<?> careTeam = record.section(Section.CARE_TEAM).orElseThrow();
    assertThat(careTeam.items()).isEmpty();
    assertThat(careTeam.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "1 of 1 listed <CareCoordinator> items could not be read (the care coordinator"
                    + " has no name)"));
  }

  @Test
  void a_code_in_a_system_the_adapter_does_not_know_is_kept_with_its_text() throws Exception {
    answer(
        200,
        Samples.text("client-summary.xml")
            .replace(
                "<Code system=\"http://hl7.org/fhir/sid/icd-10\" code=\"F41.1\""
                    + " display=\"Generalized anxiety disorder\"/>",
                "<Code system=\"urn:riverside-mh:local\" code=\"ANX-7\" display=\"Anxiety\"/>")
            .replace("system=\"http://snomed.info/sct\" code=\"61372001\"", "code=\"AGG\""));

    SourceRecord record = loaded(Section.PROBLEMS, Section.ALERTS);

    assertThat(items(record, Section.PROBLEMS).get(1).concept())
        .isEqualTo(new CodedConcept("urn:riverside-mh:local", "ANX-7", "Anxiety"));
    assertThat(items(record, Section.ALERTS).get(1).concept())
        .isEqualTo(new CodedConcept("", "AGG", "Aggressive behaviour"));
    assertThat(record.section(Section.PROBLEMS).orElseThrow().completeness().isComplete()).isTrue();
  }

  @Test
  void a_summary_for_another_client_is_discarded() throws Exception {
    answer(200, Samples.text("client-summary.xml").replace("9990000018", "9990000026"));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
              assertThat(f.detail()).contains("another client's").doesNotContain("9990000026");
            });
  }

  @Test
  void an_external_entity_payload_is_refused_and_never_resolved() throws Exception {
    trust.stubFor(get(urlPathEqualTo("/secret")).willReturn(aResponse().withBody("SECRET")));
    answer(
        200,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE ClientSummary [ <!ENTITY xxe SYSTEM "%s/secret"> ]>
        <ClientSummary><Client><NhsNumber>9990000018</NhsNumber></Client>
        <ClinicalNotes><Note id="N1"><Title>&xxe;</Title></Note></ClinicalNotes></ClientSummary>
        """
            .formatted(trust.baseUrl()));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.MALFORMED_PAYLOAD);
              assertThat(f.detail()).contains("DOCTYPE");
            });
    trust.verify(0, anyRequestedFor(urlPathEqualTo("/secret")));
  }

  @Test
  void an_entity_expansion_bomb_is_refused() throws Exception {
    answer(
        200,
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <ClientSummary>&lol1;</ClientSummary>
        """);

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> assertThat(f.kind()).isEqualTo(Kind.MALFORMED_PAYLOAD));
  }

  @Test
  void an_unknown_client_is_no_record() throws Exception {
    answer(404, Samples.text("client-not-found.xml"));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
  }

  @Test
  void a_404_without_the_trusts_error_code_is_a_source_error_not_no_record() throws Exception {
    answer(404, "<html>Not Found</html>");

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class, f -> assertThat(f.kind()).isEqualTo(Kind.SOURCE_ERROR));
  }

  @Test
  void sharing_refused_by_the_client_is_withheld_by_source() throws Exception {
    answer(
        403,
        "<Error xmlns=\"urn:riverside-mh:rio:api:v2\"><Code>SHARING_REFUSED</Code>"
            + "<Message>Mrs Jones asked us not to share</Message></Error>");

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.WithheldBySource.class,
            w -> {
              assertThat(w.reasonCode()).isEqualTo("SHARING_REFUSED");
              assertThat(w.detail()).doesNotContain("Jones");
            });
  }

  @Test
  void a_refused_api_key_is_a_source_error_that_does_not_echo_the_key() throws Exception {
    answer(401, "<Error><Code>UNAUTHORISED</Code><Message>bad key</Message></Error>");

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(Kind.SOURCE_ERROR);
              assertThat(f.detail()).contains("API key").doesNotContain(API_KEY);
            });
  }

  @Test
  void the_configuration_never_prints_the_api_key() {
    MentalHealthXmlConfig config =
        MentalHealthXmlConfig.withDefaults(
            "mental-health", "MH", URI.create("http://localhost:8096"), "RXY", API_KEY);

    assertThat(config.toString()).doesNotContain(API_KEY).contains("apiKey=***");
  }

  @Test
  void an_api_key_that_could_split_a_header_is_refused_without_echoing_it() {
    assertThatThrownBy(
            () ->
                MentalHealthXmlConfig.withDefaults(
                    "mental-health",
                    "MH",
                    URI.create("http://localhost:8096"),
                    "RXY",
                    "key\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiKey")
        .hasMessageNotContaining("X-Evil");
  }

  private void answer(int status, String body) {
    trust.stubFor(
        get(urlEqualTo(SUMMARY))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/xml")
                    .withBody(body)));
  }

  private SourceRecord loaded(Section... sections) throws InterruptedException {
    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT, sections));
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    return ((SourceOutcome.Loaded) outcome).record();
  }

  private static List<ClinicalItem> items(SourceRecord record, Section section) {
    return record
        .section(section)
        .map(c -> c.items().stream().map(ClinicalItem.class::cast).toList())
        .orElse(List.of());
  }
}
