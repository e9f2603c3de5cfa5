package org.carelens.gateway.record;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.GatewayTestClient;
import org.carelens.gateway.TestLaunchTokens;
import org.carelens.gateway.fanout.SourceAdapters;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Document content on demand, end to end: the record lists a document with its {@code contentUrl},
 * and that URL fetches the content through the source's adapter. The source here is an in-memory
 * adapter serving one letter, standing in for any adapter that implements {@code fetchDocument}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiTest implements TestPropertyProvider {

  static final String PATIENT = "9990000018";
  static final byte[] LETTER = "Dear Dr Khan, ...".getBytes(StandardCharsets.UTF_8);

  final TestLaunchTokens tokens = new TestLaunchTokens();
  final WireMockServer issuer = new WireMockServer(options().dynamicPort());

  @Inject EmbeddedServer server;
  @Inject JsonMapper json;
  @Inject org.carelens.gateway.audit.AuditSearch auditSearch;
  GatewayTestClient client;

  @Override
  public Map<String, String> getProperties() {
    issuer.start();
    issuer.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/jwks.json")
            .willReturn(aResponse().withBody(tokens.jwksJson())));
    return Map.of(
        LettersSource.PROPERTY,
        "true",
        "micronaut.server.port",
        "-1",
        "carelens.launch.issuer",
        TestLaunchTokens.ISSUER,
        "carelens.launch.audience",
        TestLaunchTokens.AUDIENCE,
        "carelens.launch.jwks-url",
        issuer.baseUrl() + "/jwks.json");
  }

  @BeforeEach
  void client() {
    client = new GatewayTestClient(server.getURL().toString(), json);
  }

  @AfterAll
  void stop() {
    issuer.stop();
  }

  @Test
  void a_listed_document_is_fetched_from_its_content_url_with_its_media_type() throws Exception {
    String accessToken = client.session(tokens.token("clinician", PATIENT));
    RecordView view =
        json.readValue(
            client.get("/api/v1/patients/" + PATIENT + "/record", accessToken).body(),
            RecordView.class);
    String contentUrl = view.sections().documents().items().getFirst().contentUrl();

    var response = client.get(contentUrl, accessToken);

    assertThat(contentUrl).isEqualTo("/api/v1/patients/" + PATIENT + "/documents/letters/letter-1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(response.body()).isEqualTo(new String(LETTER, StandardCharsets.UTF_8));
    assertThat(
            auditSearch.find(
                new org.carelens.gateway.audit.AuditQuery(
                    java.util.Optional.of(new org.carelens.sdk.model.NhsNumber(PATIENT)),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    java.util.Optional.of(org.carelens.gateway.audit.AuditEventType.DOCUMENT_VIEW),
                    java.util.Optional.empty(),
                    java.util.Optional.empty(),
                    10)))
        .as("the document view was audited before its content left the gateway")
        .isNotEmpty();
  }

  @Test
  void a_document_the_source_does_not_hold_is_a_404_problem() throws Exception {
    String accessToken = client.session(tokens.token("clinician", PATIENT));

    var response =
        client.get("/api/v1/patients/" + PATIENT + "/documents/letters/letter-9", accessToken);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(response.body()).contains("DOCUMENT_NOT_FOUND");
  }

  @Test
  void a_document_of_another_patient_cannot_be_fetched_with_this_session() throws Exception {
    String accessToken = client.session(tokens.token("clinician", PATIENT));

    var response =
        client.get("/api/v1/patients/9434765919/documents/letters/letter-1", accessToken);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("PATIENT_NOT_IN_SESSION");
  }

  /** Replaces the configured sources with {@link Letters} alone, for this test's context only. */
  @Factory
  @Requires(property = LettersSource.PROPERTY, value = "true")
  static class LettersSource {
    static final String PROPERTY = "test.letters-source";

    @Singleton
    @Replaces(SourceAdapters.class)
    SourceAdapters sourceAdapters() {
      Map<SourceAdapter, SourceProperties> sources = new LinkedHashMap<>();
      sources.put(new Letters(), new SourceProperties("letters"));
      return SourceAdapters.of(sources);
    }
  }

  /** One clinic letter for one patient. */
  static final class Letters implements SourceAdapter {

    @Override
    public SourceDescriptor descriptor() {
      return new SourceDescriptor("letters", "Clinic letters", "RXX", Set.of(Section.DOCUMENTS));
    }

    @Override
    public SourceOutcome fetch(SourceRequest request) {
      DocumentItem letter =
          new DocumentItem(
              Provenance.of("letters", "letter-1"),
              CodedConcept.snomed("371531000", "Report of clinical encounter"),
              "Cardiology clinic letter",
              Optional.of(LocalDate.of(2025, 2, 3)),
              Optional.of("Dr Patel"),
              Optional.of("text/plain"),
              Optional.of("letter-1"),
              Set.of());
      return new SourceOutcome.Loaded(
          new SourceRecord(
              Optional.empty(),
              Map.of(Section.DOCUMENTS, SectionContent.of(Section.DOCUMENTS, List.of(letter)))));
    }

    @Override
    public DocumentOutcome fetchDocument(DocumentRequest request) {
      if (request.nhsNumber().value().equals(PATIENT) && request.documentId().equals("letter-1")) {
        return new DocumentOutcome.Content("text/plain", LETTER);
      }
      return new DocumentOutcome.NotFound("no such letter for this patient");
    }
  }
}
