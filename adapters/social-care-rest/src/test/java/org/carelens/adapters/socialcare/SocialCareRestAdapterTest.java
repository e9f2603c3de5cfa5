package org.carelens.adapters.socialcare;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.carelens.adapters.socialcare.CouncilStubs.json;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SocialCareItem;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SocialCareRestAdapterTest {

  private static final String INVOLVEMENTS = "/api/v1/people/P-9990000018/involvements";

  private static WireMockServer council;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
  private SocialCareRestAdapter adapter;

  @BeforeAll
  static void startCouncil() {
    council = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    council.start();
  }

  @AfterAll
  static void stopCouncil() {
    council.stop();
  }

  @BeforeEach
  void newAdapter() {
    council.resetAll();
    adapter = adapter(SocialCareRestConfig.DEFAULT_MAX_PAGES);
  }

  @AfterEach
  void closeAdapter() {
    adapter.close();
  }

  @Test
  void asks_for_a_client_credentials_token_with_basic_auth_and_sends_it_as_bearer()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    adapter.fetch(Samples.request(Samples.PATIENT));

    String basic =
        Base64.getEncoder()
            .encodeToString(
                (CouncilStubs.CLIENT_ID + ":" + CouncilStubs.CLIENT_SECRET)
                    .getBytes(StandardCharsets.UTF_8));
    council.verify(
        postRequestedFor(urlPathEqualTo("/oauth/token"))
            .withHeader("Authorization", equalTo("Basic " + basic))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(equalTo("grant_type=client_credentials")));
    council.verify(
        getRequestedFor(urlPathEqualTo("/api/v1/people"))
            .withQueryParam("nhsNumber", equalTo("9990000018"))
            .withHeader("Authorization", equalTo("Bearer tok-1")));
    council.verify(
        getRequestedFor(urlPathEqualTo(INVOLVEMENTS))
            .withQueryParam("page", equalTo("0"))
            .withQueryParam("size", equalTo("20"))
            .withHeader("Authorization", equalTo("Bearer tok-1")));
  }

  @Test
  void the_token_is_reused_until_shortly_before_it_expires() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    adapter.fetch(Samples.request(Samples.PATIENT));
    clock.advance(Duration.ofSeconds(260));
    adapter.fetch(Samples.request(Samples.PATIENT));
    int beforeExpiry = council.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).size();
    clock.advance(Duration.ofSeconds(15));
    adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(beforeExpiry).isEqualTo(1);
    council.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void a_401_from_the_api_refreshes_the_token_once_and_retries() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        get(urlPathEqualTo("/api/v1/people"))
            .withHeader("Authorization", equalTo("Bearer tok-1"))
            .inScenario("revoked")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(json(401, "{\"error\": \"invalid_token\"}"))
            .willSetStateTo("reissued"));
    council.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
            .inScenario("revoked")
            .whenScenarioStateIs("reissued")
            .willReturn(
                json(
                    200,
                    "{\"access_token\": \"tok-2\", \"token_type\": \"Bearer\", \"expires_in\": 300}")));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    council.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    council.verify(
        getRequestedFor(urlPathEqualTo(INVOLVEMENTS))
            .withHeader("Authorization", equalTo("Bearer tok-2")));
  }

  @Test
  void a_token_refused_twice_is_a_source_error() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        get(urlPathEqualTo("/api/v1/people"))
            .willReturn(json(401, "{\"error\": \"invalid_token\"}")));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertFailed(outcome, Kind.SOURCE_ERROR, "401 twice");
    council.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void refused_client_credentials_are_a_source_error_that_does_not_echo_the_secret()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
            .willReturn(json(401, "{\"error\": \"invalid_client\"}")));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertFailed(outcome, Kind.SOURCE_ERROR, "invalid_client");
    assertThat(((SourceOutcome.Failed) outcome).detail())
        .doesNotContain(CouncilStubs.CLIENT_SECRET);
  }

  @Test
  void a_token_answer_without_an_access_token_is_malformed() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/oauth/token"))
            .willReturn(json(200, "{\"token_type\": \"Bearer\"}")));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD, "access_token");
  }

  @Test
  void every_page_is_followed_through_the_next_links() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    stubPages(3);

    SourceRecord record = loaded(Section.CARE_TEAM);

    assertThat(items(record, Section.CARE_TEAM))
        .extracting(i -> i.provenance().sourceItemId())
        .containsExactly("INV-0", "INV-1", "INV-2");
  }

  @Test
  void more_pages_than_the_cap_give_the_pages_read_and_a_partial_section() throws Exception {
    adapter.close();
    adapter = adapter(2);
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    stubPages(3);

    SourceRecord record = loaded(Section.CARE_TEAM);

    SectionContent<?> careTeam = record.section(Section.CARE_TEAM).orElseThrow();
    assertThat(careTeam.items())
        .extracting(i -> ((ClinicalItem) i).provenance().sourceItemId())
        .containsExactly("INV-0", "INV-1");
    assertThat(careTeam.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "the involvements run to more than 2 pages of 20; only the first 2 were read"
                    + " (raise the page cap if genuine); at least 1 item unread (the council did"
                    + " not say how many)"));
    council.verify(
        0, getRequestedFor(urlPathEqualTo(INVOLVEMENTS)).withQueryParam("page", equalTo("2")));
  }

  @Test
  void a_later_page_that_fails_keeps_the_pages_read_and_counts_at_least_one_item_unread()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    stubPages(3);
    council.stubFor(
        get(urlPathEqualTo(INVOLVEMENTS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(json(500, "{\"error\": \"internal_error\"}")));

    SourceRecord record = loaded();

    SectionContent<?> careTeam = record.section(Section.CARE_TEAM).orElseThrow();
    assertThat(careTeam.items())
        .extracting(i -> ((ClinicalItem) i).provenance().sourceItemId())
        .containsExactly("INV-0");
    assertThat(careTeam.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "the involvements: page 2 of 3 could not be read (HTTP 500 from the council API"
                    + " (internal_error): the source failed); at least 1 item unread (the council did not say how many)"));
    assertThat(items(record, Section.ALERTS)).hasSize(2);
  }

  @Test
  void a_later_page_that_fails_counts_the_items_unread_from_the_councils_total() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    stubPages(3, 45);
    council.stubFor(
        get(urlPathEqualTo(INVOLVEMENTS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(json(200, "{\"message\": \"maintenance\"}")));

    SourceRecord record = loaded(Section.CARE_TEAM);

    SectionContent<?> careTeam = record.section(Section.CARE_TEAM).orElseThrow();
    assertThat(careTeam.items()).hasSize(2);
    assertThat(careTeam.completeness())
        .isEqualTo(
            Completeness.partial(
                43,
                "the involvements: page 3 of 3 could not be read (the body is not a page (no"
                    + " 'content' array)); 43 of 45 items unread"));
  }

  @Test
  void a_next_link_to_another_server_is_not_followed() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council,
        Samples.PATIENT,
        "involvements",
        json(
            200,
            "{\"content\": [], \"page\": 0, \"totalPages\": 2,"
                + " \"_links\": {\"next\": \"http://attacker.example/steal?page=1\"}}"));

    SourceRecord record = loaded(Section.CARE_TEAM);

    assertThat(record.section(Section.CARE_TEAM).orElseThrow().completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p ->
                assertThat(p.reason())
                    .startsWith(
                        "the involvements: page 2 of 2 could not be read (the next link points to"
                            + " another server; not followed)")
                    .doesNotContain("attacker"));
  }

  @Test
  void garbage_from_one_resource_makes_its_section_unavailable_and_keeps_the_others()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council, Samples.PATIENT, "safeguarding", json(200, "{\"content\": [ {\"id\": "));

    SourceRecord record = loaded();

    SectionContent<?> alerts = record.section(Section.ALERTS).orElseThrow();
    assertThat(alerts.items()).isEmpty();
    assertThat(alerts.emptyReason()).contains(EmptyReason.UNAVAILABLE);
    assertThat(alerts.completeness())
        .isInstanceOfSatisfying(
            Completeness.Unavailable.class,
            u ->
                assertThat(u.reason())
                    .startsWith("the safeguarding (page 1): the body is not valid JSON")
                    .doesNotContain("9990000018"));
    assertThat(items(record, Section.CARE_TEAM)).hasSize(2);
    assertThat(items(record, Section.SOCIAL_CARE)).hasSize(2);
  }

  @Test
  void a_failed_request_for_every_section_asked_for_fails_the_source() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council, Samples.PATIENT, "safeguarding", json(503, "{\"error\": \"unavailable\"}"));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT, Section.ALERTS));

    assertFailed(
        outcome,
        Kind.SOURCE_ERROR,
        "the safeguarding (page 1): HTTP 503 from the council API (unavailable)");
  }

  @Test
  void a_person_unknown_to_the_council_is_no_record() throws Exception {
    CouncilStubs.token(council, "tok-1", 300);
    CouncilStubs.search(council, Samples.PATIENT, false);

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
  }

  @Test
  void a_search_answering_with_someone_else_is_discarded() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        get(urlPathEqualTo("/api/v1/people"))
            .willReturn(
                json(200, Samples.text("person-search.json").replace("9990000018", "9990000026"))));

    SourceOutcome outcome = adapter.fetch(Samples.request(Samples.PATIENT));

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD, "none with the requested NHS number");
  }

  @Test
  void involvements_become_the_care_team_with_key_worker_contacts() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    SourceRecord record = loaded(Section.CARE_TEAM);

    CareTeamItem social = (CareTeamItem) items(record, Section.CARE_TEAM).get(0);
    CareTeamItem ot = (CareTeamItem) items(record, Section.CARE_TEAM).get(1);
    assertThat(social.concept().code()).isEqualTo("106328005");
    assertThat(social.memberName()).isEqualTo("Joanne Fletcher");
    assertThat(social.organisation())
        .contains("Adult Social Care North Locality Team, Council adult social care");
    assertThat(social.contact()).contains("0113 496 0321, joanne.fletcher@riverside.gov.uk");
    assertThat(social.status()).isEqualTo(CareTeamItem.Status.ACTIVE);
    assertThat(social.startDate()).contains(LocalDate.of(2025, 4, 2));
    assertThat(social.provenance().recordingOrganisationOds()).contains("LA001");
    assertThat(ot.status()).isEqualTo(CareTeamItem.Status.ENDED);
  }

  @Test
  void care_packages_become_social_care_items_with_provider_and_hours() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    SourceRecord record = loaded(Section.SOCIAL_CARE);

    SocialCareItem home = (SocialCareItem) items(record, Section.SOCIAL_CARE).get(0);
    SocialCareItem respite = (SocialCareItem) items(record, Section.SOCIAL_CARE).get(1);
    assertThat(home.concept().code()).isEqualTo("HOME_CARE");
    assertThat(home.description()).isEqualTo("Home care, 3 visits daily (10.5 hours a week)");
    assertThat(home.provider()).contains("Bluebell Home Care Ltd");
    assertThat(home.status()).isEqualTo(SocialCareItem.Status.ACTIVE);
    assertThat(respite.status()).isEqualTo(SocialCareItem.Status.PLANNED);
    assertThat(respite.endDate()).contains(LocalDate.of(2026, 12, 21));
  }

  @Test
  void a_safeguarding_flag_is_always_shown_and_its_detail_is_labelled_separately()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    SourceRecord record = loaded(Section.ALERTS);

    List<ClinicalItem> alerts = items(record, Section.ALERTS);
    AlertItem flag = (AlertItem) alerts.get(0);
    AlertItem detail = (AlertItem) alerts.get(1);
    assertThat(flag.kind()).isEqualTo(AlertItem.Kind.SAFEGUARDING);
    assertThat(flag.status()).isEqualTo(AlertItem.Status.ACTIVE);
    assertThat(flag.sensitivity()).isEmpty();
    assertThat(flag.note()).isEmpty();
    assertThat(detail.provenance().sourceItemId()).isEqualTo("SG-40122/detail");
    assertThat(detail.sensitivity()).containsExactly(Sensitivity.SAFEGUARDING_DETAIL);
    assertThat(detail.note()).hasValueSatisfying(n -> assertThat(n).contains("Section 42"));
  }

  @Test
  void one_unmappable_care_package_costs_only_itself_and_makes_the_social_care_partial()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council,
        Samples.PATIENT,
        "care-packages",
        json(200, Samples.text("care-packages.json").replace("\"PLANNED\"", "\"MAYBE\"")));

    SourceRecord record = loaded();

    SectionContent<?> care = record.section(Section.SOCIAL_CARE).orElseThrow();
    assertThat(care.items())
        .extracting(i -> ((ClinicalItem) i).provenance().sourceItemId())
        .containsExactly("CP-771201");
    assertThat(care.emptyReason()).isEmpty();
    assertThat(care.completeness())
        .isEqualTo(
            Completeness.partial(
                1,
                "1 of 2 care packages read could not be mapped (a care package has an unknown"
                    + " status)"));
    assertThat(items(record, Section.CARE_TEAM)).hasSize(2);
    assertThat(items(record, Section.ALERTS)).hasSize(2);
  }

  @Test
  void a_safeguarding_flag_that_is_not_an_object_is_counted_and_the_others_are_shown()
      throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council,
        Samples.PATIENT,
        "safeguarding",
        json(
            200,
            Samples.text("safeguarding.json")
                .replace("{\"content\": [", "{\"content\": [\"Neglect: see case notes\", ")));

    SourceRecord record = loaded(Section.ALERTS);

    SectionContent<?> alerts = record.section(Section.ALERTS).orElseThrow();
    assertThat(alerts.items()).hasSize(2);
    assertThat(alerts.completeness())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            p -> {
              assertThat(p.unreadableItems()).isEqualTo(1);
              assertThat(p.reason())
                  .contains("a safeguarding flag is not a JSON object")
                  .doesNotContain("Neglect");
            });
  }

  @Test
  void unreadable_items_and_unread_pages_are_counted_together() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    council.stubFor(
        get(urlPathEqualTo(INVOLVEMENTS))
            .withQueryParam("page", equalTo("0"))
            .willReturn(
                json(
                    200,
                    "{\"content\": [{\"id\": \"INV-0\", \"status\": \"OPEN\"}],"
                        + " \"page\": 0, \"totalPages\": 2}")));
    council.stubFor(
        get(urlPathEqualTo(INVOLVEMENTS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(json(502, "")));

    SourceRecord record = loaded(Section.CARE_TEAM);

    SectionContent<?> careTeam = record.section(Section.CARE_TEAM).orElseThrow();
    assertThat(careTeam.items()).isEmpty();
    assertThat(careTeam.completeness())
        .isEqualTo(
            Completeness.partial(
                2,
                "the involvements: page 2 of 2 could not be read (HTTP 502 from the council API: the source failed);"
                    + " at least 1 item unread (the council did not say how many); 1 of 1"
                    + " involvements read could not be mapped (an involvement service has no"
                    + " code)"));
  }

  @Test
  void codes_in_unfamiliar_systems_or_without_one_are_kept_with_their_text() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    CouncilStubs.resource(
        council,
        Samples.PATIENT,
        "care-packages",
        json(
            200,
            Samples.text("care-packages.json")
                .replace(
                    "\"system\": \"https://riverside.gov.uk/adult-social-care/package-type\","
                        + " \"code\": \"RESPITE\"",
                    "\"code\": \"RESPITE\"")));
    CouncilStubs.resource(
        council,
        Samples.PATIENT,
        "involvements",
        json(
            200,
            Samples.text("involvements.json")
                .replace(
                    "\"role\": {\"system\": \"http://snomed.info/sct\", \"code\": \"80546007\","
                        + " \"display\": \"Occupational therapist\"}",
                    "\"role\": {\"display\": \"OT\"}")));

    SourceRecord record = loaded(Section.SOCIAL_CARE, Section.CARE_TEAM);

    assertThat(items(record, Section.SOCIAL_CARE).get(1).concept())
        .isEqualTo(new CodedConcept("", "RESPITE", "Residential respite"));
    CareTeamItem ot = (CareTeamItem) items(record, Section.CARE_TEAM).get(1);
    assertThat(ot.memberName()).isEqualTo("Imran Hussain");
    assertThat(ot.concept().code()).isEqualTo("OT");
    assertThat(record.section(Section.SOCIAL_CARE).orElseThrow().completeness().isComplete())
        .isTrue();
    assertThat(record.section(Section.CARE_TEAM).orElseThrow().completeness().isComplete())
        .isTrue();
  }

  @Test
  void only_the_requested_resources_are_read() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);

    SourceRecord record = loaded(Section.SOCIAL_CARE, Section.MEDICATIONS);

    assertThat(record.sections().keySet()).containsExactly(Section.SOCIAL_CARE);
    council.verify(0, getRequestedFor(urlPathEqualTo(INVOLVEMENTS)));
  }

  @Test
  void concurrent_fetches_share_one_token() throws Exception {
    CouncilStubs.wholeRecord(council, Samples.PATIENT);
    List<Future<SourceOutcome>> outcomes = new ArrayList<>();

    try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 16; i++) {
        outcomes.add(callers.submit(() -> adapter.fetch(Samples.request(Samples.PATIENT))));
      }
    }

    for (Future<SourceOutcome> outcome : outcomes) {
      assertThat(outcome.get()).isInstanceOf(SourceOutcome.Loaded.class);
    }
    council.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
  }

  @Test
  void the_configuration_never_prints_the_client_secret() {
    SocialCareRestConfig config =
        SocialCareRestConfig.withDefaults(
            "social-care",
            "Council",
            URI.create("http://localhost:8097"),
            "LA001",
            CouncilStubs.CLIENT_ID,
            CouncilStubs.CLIENT_SECRET);

    assertThat(config.toString()).doesNotContain(CouncilStubs.CLIENT_SECRET).contains("***");
  }

  private void stubPages(int pages) {
    stubPages(pages, -1);
  }

  /** One involvement a page; {@code totalElements} only when not negative. */
  private void stubPages(int pages, int totalElements) {
    String base = "/api/v1/people/P-9990000018/involvements";
    String total = totalElements < 0 ? "" : ", \"totalElements\": " + totalElements;
    for (int page = 0; page < pages; page++) {
      String next =
          page + 1 < pages
              ? ", \"_links\": {\"next\": \"%s?page=%d&size=20\"}".formatted(base, page + 1)
              : "";
      council.stubFor(
          get(urlPathEqualTo(base))
              .withQueryParam("page", equalTo(String.valueOf(page)))
              .willReturn(
                  json(
                      200,
                      ("{\"content\": [{\"id\": \"INV-%d\", \"status\": \"OPEN\", \"service\":"
                              + " {\"system\": \"urn:s\", \"code\": \"LOC\", \"display\": \"Team\"}}],"
                              + " \"page\": %d, \"size\": 20, \"totalPages\": %d%s%s}")
                          .formatted(page, page, pages, total, next))));
    }
  }

  private SocialCareRestAdapter adapter(int maxPages) {
    return new SocialCareRestAdapter(
        SocialCareRestConfig.withDefaults(
                "social-care",
                "Council adult social care",
                URI.create(council.baseUrl()),
                "LA001",
                CouncilStubs.CLIENT_ID,
                CouncilStubs.CLIENT_SECRET)
            .withPaging(20, maxPages),
        clock);
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

  private static void assertFailed(SourceOutcome outcome, Kind kind, String detail) {
    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).as(f.detail()).isEqualTo(kind);
              assertThat(f.detail()).contains(detail).doesNotContain("9990000018");
            });
  }

  /** A clock the test moves by hand, so token expiry needs no sleeping. */
  private static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
