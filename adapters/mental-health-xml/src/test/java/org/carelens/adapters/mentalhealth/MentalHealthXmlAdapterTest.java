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
  void one_unmappable_diagnosis_costs_the_problems_section_only() throws Exception {
    answer(
        200, Samples.text("client-summary.xml").replace("status=\"RESOLVED\"", "status=\"MAYBE\""));

    SourceRecord record = loaded();

    SectionContent<?> problems = record.section(Section.PROBLEMS).orElseThrow();
    assertThat(problems.items()).isEmpty();
    assertThat(problems.emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(items(record, Section.ALERTS)).hasSize(2);
    assertThat(items(record, Section.ENCOUNTERS)).hasSize(2);
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
