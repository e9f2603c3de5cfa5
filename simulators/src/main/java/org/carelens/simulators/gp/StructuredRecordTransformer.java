package org.carelens.simulators.gp;

import static org.carelens.simulators.gp.GpConnectException.ErrorCode.BAD_REQUEST;
import static org.carelens.simulators.gp.GpConnectException.ErrorCode.INVALID_RESOURCE;
import static org.carelens.simulators.gp.GpConnectException.ErrorCode.NO_PATIENT_CONSENT;
import static org.carelens.simulators.gp.GpConnectException.ErrorCode.PATIENT_NOT_FOUND;
import static org.carelens.simulators.gp.GpConnectException.ErrorCode.UNSUPPORTED_MEDIA_TYPE;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.Practice;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Answers {@code gpc.getstructuredrecord} for one practice: checks the Spine headers, reads the
 * Parameters, finds the patient and returns their Bundle, or an OperationOutcome with the GP
 * Connect error code. Thread-safe: HAPI's context is shared, parsers are made per call.
 */
final class StructuredRecordTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "gpc-structured-record";

  private static final List<String> REQUIRED_HEADERS =
      List.of("Ssp-TraceID", "Ssp-From", "Ssp-To", "Ssp-InteractionID", "Authorization");

  private final FhirContext fhir;
  private final Population population;
  private final Practice practice;
  private final Clock clock;
  private final Fixtures fixtures;

  StructuredRecordTransformer(
      FhirContext fhir, Population population, Practice practice, Clock clock, Fixtures fixtures) {
    this.fhir = fhir;
    this.population = population;
    this.practice = practice;
    this.clock = clock;
    this.fixtures = fixtures;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    try {
      checkHeaders(request);
      StructuredRecordRequest query =
          StructuredRecordRequest.from(parameters(request), LocalDate.now(clock));
      SyntheticPatient patient = registeredHere(query);
      // A fixture replaces the practice's whole answer for the patient, dissent included.
      Optional<String> fixture = fixtures.find(SourceKind.GP, patient.nhsNumber());
      if (fixture.isPresent()) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(200)
            .withHeader("Content-Type", GpConnect.RESPONSE_CONTENT_TYPE)
            .withBody(fixture.get())
            .build();
      }
      if (patient.gpDissent()) {
        throw new GpConnectException(
            NO_PATIENT_CONSENT,
            "the patient has dissented from sharing their record from " + practice.odsCode());
      }
      return respond(
          200, StructuredRecordBundle.build(patient, query, clock.instant(), population.seed()));
    } catch (GpConnectException e) {
      return respond(e.code().status, e.toOperationOutcome());
    }
  }

  private static void checkHeaders(Request request) {
    for (String header : REQUIRED_HEADERS) {
      String value = request.getHeader(header);
      if (value == null || value.isBlank()) {
        throw new GpConnectException(BAD_REQUEST, "the " + header + " header is required");
      }
    }
    String interaction = request.getHeader("Ssp-InteractionID");
    if (!GpConnect.INTERACTION_ID.equals(interaction)) {
      throw new GpConnectException(
          BAD_REQUEST,
          "Ssp-InteractionID must be %s for this operation, was '%s'"
              .formatted(GpConnect.INTERACTION_ID, interaction));
    }
    // The practice cannot verify an unsigned consumer JWT, but it must be one (GP Connect 1.6
    // requires a JWT bearer token whose header, claims and signature are dot-separated).
    String authorization = request.getHeader("Authorization");
    if (!authorization.matches("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*")) {
      throw new GpConnectException(
          BAD_REQUEST, "the Authorization header must be 'Bearer ' followed by a JWT");
    }
    String contentType = request.getHeader("Content-Type");
    if (contentType == null
        || !(contentType.startsWith(GpConnect.FHIR_JSON)
            || contentType.startsWith("application/json+fhir"))) {
      throw new GpConnectException(
          UNSUPPORTED_MEDIA_TYPE,
          "the request body must be " + GpConnect.FHIR_JSON + ", was '" + contentType + "'");
    }
  }

  private Parameters parameters(Request request) {
    String body = request.getBodyAsString();
    if (body == null || body.isBlank()) {
      throw new GpConnectException(INVALID_RESOURCE, "the request body is empty");
    }
    try {
      return fhir.newJsonParser().parseResource(Parameters.class, body);
    } catch (DataFormatException | ClassCastException e) {
      throw new GpConnectException(
          INVALID_RESOURCE,
          "the request body is not a FHIR Parameters resource: " + e.getMessage());
    }
  }

  private SyntheticPatient registeredHere(StructuredRecordRequest query) {
    return population
        .find(query.nhsNumber())
        .filter(p -> p.practice().odsCode().equals(practice.odsCode()))
        .orElseThrow(
            () ->
                new GpConnectException(
                    PATIENT_NOT_FOUND,
                    "no patient with NHS number %s is registered at %s"
                        .formatted(query.nhsNumber().masked(), practice.odsCode())));
  }

  private ResponseDefinition respond(int status, IBaseResource resource) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", GpConnect.RESPONSE_CONTENT_TYPE)
        .withBody(fhir.newJsonParser().encodeResourceToString(resource))
        .build();
  }
}
