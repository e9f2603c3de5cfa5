package org.carelens.simulators.directory;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import ca.uhn.fhir.context.FhirContext;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.carelens.simulators.wiremock.QuietWireMock;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;

/**
 * The endpoint directory (SDS-like, FHIR R4):
 *
 * <pre>
 * GET /Endpoint?organization=https://fhir.nhs.uk/Id/ods-organization-code|A81001
 *              &amp;identifier=https://fhir.nhs.uk/Id/nhsServiceInteractionId|urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1
 * </pre>
 *
 * answers with a searchset Bundle holding the practice's Endpoint ({@code address} is the GP
 * Connect FHIR base URL), or an empty Bundle for a practice it does not know. The {@code
 * identifier} parameter is optional here; without {@code organization} the answer is 400. Endpoint
 * addresses are read on every request, so a GP practice restarted on another port is found again.
 */
public final class EndpointDirectorySimulator implements AutoCloseable {

  public static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
  public static final String INTERACTION_SYSTEM = "https://fhir.nhs.uk/Id/nhsServiceInteractionId";
  public static final String STRUCTURED_RECORD_INTERACTION =
      "urn:nhs:names:services:gpconnect:fhir:operation:gpc.getstructuredrecord-1";

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String TRANSFORMER = "sds-endpoint-search";

  private final Map<String, Supplier<String>> endpoints;
  private WireMockServer server;

  /**
   * @param endpoints ODS code to the practice's GP Connect FHIR base URL, read at each request
   */
  public EndpointDirectorySimulator(Map<String, Supplier<String>> endpoints) {
    this.endpoints = Map.copyOf(new LinkedHashMap<>(Objects.requireNonNull(endpoints)));
  }

  public synchronized EndpointDirectorySimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("endpoint directory already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port)).extensions(new EndpointSearch()));
    wireMock.stubFor(
        get(urlPathEqualTo("/Endpoint")).willReturn(aResponse().withTransformers(TRANSFORMER)));
    wireMock.start();
    server = wireMock;
    return this;
  }

  public synchronized int port() {
    return server().port();
  }

  public String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The running WireMock server, for fault profiles. */
  public synchronized WireMockServer server() {
    if (server == null) {
      throw new IllegalStateException("endpoint directory is not running");
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

  private final class EndpointSearch implements ResponseDefinitionTransformerV2 {

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
      QueryParameter organisation = event.getRequest().queryParameter("organization");
      if (!organisation.isPresent()) {
        OperationOutcome outcome = new OperationOutcome();
        outcome
            .addIssue()
            .setSeverity(OperationOutcome.IssueSeverity.ERROR)
            .setCode(OperationOutcome.IssueType.REQUIRED)
            .setDiagnostics("the organization search parameter is required");
        return respond(400, FHIR.newJsonParser().encodeResourceToString(outcome));
      }
      String value = organisation.firstValue();
      String ods =
          value.startsWith(ODS_SYSTEM + "|") ? value.substring(ODS_SYSTEM.length() + 1) : "";
      QueryParameter identifier = event.getRequest().queryParameter("identifier");
      boolean gpConnect =
          !identifier.isPresent()
              || identifier.values().stream()
                  .anyMatch(
                      v -> v.equals(INTERACTION_SYSTEM + "|" + STRUCTURED_RECORD_INTERACTION));
      Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
      Supplier<String> address = endpoints.get(ods);
      if (address != null && gpConnect) {
        Endpoint endpoint = new Endpoint();
        endpoint.setId("endpoint-" + ods);
        endpoint.setStatus(Endpoint.EndpointStatus.ACTIVE);
        endpoint.setConnectionType(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
                "hl7-fhir-rest",
                "HL7 FHIR"));
        endpoint.addPayloadType(
            new CodeableConcept(
                new Coding(
                    "http://terminology.hl7.org/CodeSystem/endpoint-payload-type", "any", "Any")));
        endpoint.setManagingOrganization(
            new Reference().setIdentifier(new Identifier().setSystem(ODS_SYSTEM).setValue(ods)));
        endpoint.addIdentifier(
            new Identifier().setSystem(INTERACTION_SYSTEM).setValue(STRUCTURED_RECORD_INTERACTION));
        endpoint.setAddress(address.get());
        bundle
            .addEntry()
            .setFullUrl(baseUrl() + "/Endpoint/" + endpoint.getId())
            .setResource(endpoint);
      }
      bundle.setTotal(bundle.getEntry().size());
      return respond(200, FHIR.newJsonParser().encodeResourceToString(bundle));
    }

    private ResponseDefinition respond(int status, String body) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", "application/fhir+json")
          .withBody(body)
          .build();
    }
  }
}
