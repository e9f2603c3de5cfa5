package org.carelens.adapters.gpconnect;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.util.List;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The practice is found as a real consumer finds it: spine, then directory, then the record. */
class GpConnectRoutingTest {

  private static final String PRACTICE_BASE = "/B82005/STU3/1/gpconnect/structured/fhir";
  private static WireMockServer server;
  private GpConnectAdapter adapter;

  @BeforeAll
  static void start() {
    server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @BeforeEach
  void newAdapter() {
    server.resetAll();
    adapter =
        new GpConnectAdapter(
            GpConnectConfig.withDefaults(
                "gp",
                "GP practice (GP Connect)",
                URI.create("http://unused.invalid"),
                "A81001",
                "200000000359"),
            new GpConnectRouting(
                URI.create(server.baseUrl() + "/pds"), URI.create(server.baseUrl() + "/sds")));
  }

  @AfterEach
  void close() {
    adapter.close();
  }

  @Test
  void the_record_is_read_from_the_practice_the_spine_and_directory_point_to() throws Exception {
    spine(patient("B82005", "U"));
    directory("B82005", server.baseUrl() + PRACTICE_BASE);
    server.stubFor(
        post(urlEqualTo(PRACTICE_BASE + "/Patient/$gpc.getstructuredrecord"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(Fixtures.text("structured-record-full.json"))));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    server.verify(
        postRequestedFor(urlEqualTo(PRACTICE_BASE + "/Patient/$gpc.getstructuredrecord"))
            .withHeader("Ssp-To", equalTo("B82005")));
  }

  @Test
  void a_patient_unknown_to_the_spine_is_no_record() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/pds/Patient/" + Fixtures.FULL_PATIENT.value()))
            .willReturn(aResponse().withStatus(404)));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
  }

  @Test
  void a_restricted_patient_is_withheld_because_the_spine_hides_the_practice() throws Exception {
    spine(patient(null, "R"));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.WithheldBySource.class,
            w -> assertThat(w.reasonCode()).isEqualTo("RESTRICTED_PATIENT"));
  }

  @Test
  void a_practice_without_an_endpoint_is_a_source_error_naming_the_practice() throws Exception {
    spine(patient("Z99999", "U"));
    server.stubFor(
        get(urlPathEqualTo("/sds/Endpoint"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody("{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"total\":0}")));

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> assertThat(f.detail()).contains("no GP Connect endpoint for practice Z99999"));
  }

  @Test
  void a_spine_that_is_down_is_unreachable_and_says_which_lookup_failed() throws Exception {
    GpConnectAdapter unreachable =
        new GpConnectAdapter(
            GpConnectConfig.withDefaults(
                "gp", "GP", URI.create("http://unused.invalid"), "A81001", "200000000359"),
            new GpConnectRouting(
                URI.create("http://127.0.0.1:1/pds"), URI.create(server.baseUrl() + "/sds")));

    SourceOutcome outcome =
        unreachable.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));
    unreachable.close();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(SourceOutcome.Failed.Kind.UNREACHABLE);
              assertThat(f.detail()).startsWith("demographics spine:");
            });
  }

  @Test
  void an_endpoint_the_allow_list_does_not_name_is_never_called_nor_named_to_the_viewer()
      throws Exception {
    spine(patient("B82005", "U"));
    directory("B82005", "http://attacker.example:8443/fhir");

    SourceOutcome outcome =
        adapter.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> {
              assertThat(f.kind()).isEqualTo(SourceOutcome.Failed.Kind.SOURCE_ERROR);
              assertThat(f.detail())
                  .isEqualTo(
                      "the endpoint directory's address for practice B82005 is not on the"
                          + " allow-list")
                  .doesNotContain("attacker");
            });
    server.verify(
        0, postRequestedFor(urlPathEqualTo(PRACTICE_BASE + "/Patient/$gpc.getstructuredrecord")));
  }

  @Test
  void plain_http_endpoints_are_refused_unless_the_deployment_allows_http() throws Exception {
    GpConnectAdapter httpsOnly =
        new GpConnectAdapter(
            GpConnectConfig.withDefaults(
                "gp", "GP", URI.create("http://unused.invalid"), "A81001", "200000000359"),
            new GpConnectRouting(
                URI.create(server.baseUrl() + "/pds"),
                URI.create(server.baseUrl() + "/sds"),
                List.of("localhost"),
                false));
    spine(patient("B82005", "U"));
    directory("B82005", server.baseUrl() + PRACTICE_BASE);

    SourceOutcome outcome =
        httpsOnly.fetch(Fixtures.request(Fixtures.FULL_PATIENT, Section.ALLERGIES));
    httpsOnly.close();

    assertThat(outcome)
        .isInstanceOfSatisfying(
            SourceOutcome.Failed.class,
            f -> assertThat(f.detail()).contains("not on the allow-list"));
  }

  @Test
  void host_patterns_match_exact_hosts_and_subdomains_only() {
    GpConnectRouting routing =
        new GpConnectRouting(
            URI.create("https://pds.example"),
            URI.create("https://sds.example"),
            List.of("*.gpconnect.nhs.uk", "practice.example"),
            false);

    assertThat(routing.permits(URI.create("https://a81001.gpconnect.nhs.uk/fhir"))).isTrue();
    assertThat(routing.permits(URI.create("https://PRACTICE.example:8443/fhir"))).isTrue();
    assertThat(routing.permits(URI.create("https://gpconnect.nhs.uk.attacker.example/"))).isFalse();
    assertThat(routing.permits(URI.create("https://evilpractice.example/"))).isFalse();
    assertThat(routing.permits(URI.create("http://practice.example/"))).isFalse();
    assertThat(routing.permits(URI.create("https://user@practice.example/"))).isFalse();
  }

  @Test
  void an_allow_list_entry_that_is_not_a_host_is_refused_at_start_up() {
    URI any = URI.create("https://sds.example");

    assertThatThrownBy(
            () -> new GpConnectRouting(any, any, List.of("https://practice.example"), false))
        .hasMessage(
            "endpointHosts: 'https://practice.example' is not a host name, an IP address or '*.'"
                + " and a domain");
    assertThatThrownBy(() -> new GpConnectRouting(any, any, List.of(), false))
        .hasMessageContaining("at least one host");
  }

  private static String patient(String practiceOds, String confidentiality) {
    String gp =
        practiceOds == null
            ? ""
            : """
              ,"generalPractitioner": [{"type": "Organization", "identifier":
                {"system": "https://fhir.nhs.uk/Id/ods-organization-code", "value": "%s"}}]
              """
                .formatted(practiceOds);
    return """
        {"resourceType": "Patient", "id": "9990000018",
         "meta": {"security": [{"system": "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "code": "%s"}]},
         "identifier": [{"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9990000018"}]%s}
        """
        .formatted(confidentiality, gp);
  }

  private static void spine(String body) {
    server.stubFor(
        get(urlPathEqualTo("/pds/Patient/" + Fixtures.FULL_PATIENT.value()))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(body)));
  }

  private static void directory(String ods, String address) {
    server.stubFor(
        get(urlPathEqualTo("/sds/Endpoint"))
            .withQueryParam(
                "organization", equalTo("https://fhir.nhs.uk/Id/ods-organization-code|" + ods))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/fhir+json")
                    .withBody(
                        """
                        {"resourceType": "Bundle", "type": "searchset", "total": 1, "entry": [
                          {"resource": {"resourceType": "Endpoint", "status": "active",
                                        "address": "%s"}}]}
                        """
                            .formatted(address))));
  }
}
