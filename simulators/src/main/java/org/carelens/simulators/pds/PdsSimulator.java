package org.carelens.simulators.pds;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.carelens.simulators.wiremock.QuietWireMock;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The demographics spine: {@code GET /Patient/{nhsNumber}} answers with the patient as PDS holds
 * them (FHIR R4, {@code application/fhir+json}), 404 {@code RESOURCE_NOT_FOUND} for a number it
 * does not know and 400 {@code INVALID_RESOURCE_ID} for one that is not a valid NHS number. A
 * fixture ({@code DIR/pds/<nhsNumber>.json}) for a patient in the population replaces the answer
 * verbatim. {@code GET /Patient?family=&given=&gender=&birthdate=&address-postalcode=} is the
 * spine's demographic trace ({@link PdsSearch}: exact or fuzzy, a result limit, {@code
 * TOO_MANY_MATCHES}). Not restartable: make a new one instead.
 */
public final class PdsSimulator implements AutoCloseable {

  static final String FHIR_JSON = "application/fhir+json";
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String TRANSFORMER = "pds-patient-read";
  private static final String SEARCH_TRANSFORMER = "pds-patient-search";

  private final Population population;
  private final Fixtures fixtures;
  private WireMockServer server;

  public PdsSimulator(Population population) {
    this(population, Fixtures.none());
  }

  public PdsSimulator(Population population, Fixtures fixtures) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
  }

  /** Starts serving on {@code port}; 0 picks a free port. */
  public synchronized PdsSimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("PDS simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port))
                .extensions(new PatientRead(), new PatientSearch()));
    wireMock.stubFor(
        get(urlPathEqualTo("/Patient"))
            .willReturn(aResponse().withTransformers(SEARCH_TRANSFORMER)));
    wireMock.stubFor(
        get(urlPathMatching("/Patient/[^/]*"))
            .willReturn(aResponse().withTransformers(TRANSFORMER)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  /** The FHIR base URL, e.g. {@code http://localhost:8093}. */
  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("PDS simulator is not running");
    }
    return server;
  }

  public synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  private final class PatientRead implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String path = event.getRequest().getUrl().replaceFirst("\\?.*$", "");
      String id = path.substring(path.lastIndexOf('/') + 1);
      if (!NhsNumber.isValid(id)) {
        return respond(
            400,
            PdsPatients.error(
                OperationOutcome.IssueType.VALUE,
                "INVALID_RESOURCE_ID",
                "Resource Id is invalid",
                "the resource id must be a valid NHS number"));
      }
      NhsNumber nhsNumber = new NhsNumber(id);
      Optional<SyntheticPatient> patient = population.find(nhsNumber);
      if (patient.isEmpty()) {
        return respond(
            404,
            PdsPatients.error(
                OperationOutcome.IssueType.NOTFOUND,
                "RESOURCE_NOT_FOUND",
                "Resource not found",
                "no patient with NHS number " + nhsNumber.masked()));
      }
      Optional<String> fixture = fixtures.find(SourceKind.PDS, nhsNumber);
      if (fixture.isPresent()) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(200)
            .withHeader("Content-Type", FHIR_JSON)
            .withBody(fixture.get())
            .build();
      }
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(200)
          .withHeader("Content-Type", FHIR_JSON)
          .withHeader("ETag", "W/\"1\"")
          .withBody(FHIR.newJsonParser().encodeResourceToString(PdsPatients.patient(patient.get())))
          .build();
    }

    private ResponseDefinition respond(int status, IBaseResource resource) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", FHIR_JSON)
          .withBody(FHIR.newJsonParser().encodeResourceToString(resource))
          .build();
    }
  }

  private final class PatientSearch implements ResponseDefinitionTransformerV2 {

    @Override
    public String getName() {
      return SEARCH_TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      java.util.Map<String, String> params = new java.util.HashMap<>();
      event
          .getRequest()
          .getQueryParams()
          .forEach((name, value) -> params.put(name, value.firstValue()));
      PdsSearch.Answer answer = PdsSearch.search(population, params);
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(answer.status())
          .withHeader("Content-Type", FHIR_JSON)
          .withBody(FHIR.newJsonParser().encodeResourceToString(answer.resource()))
          .build();
    }
  }
}
