package org.carelens.simulators.pharmacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.carelens.simulators.wiremock.QuietWireMock;

/**
 * A community pharmacy's dispensing API (JSON):
 *
 * <pre>
 * GET /api/v1/patients/{nhsNumber}/dispensing
 * 200 {"pharmacy":{"odsCode","name"},"nhsNumber","dispensed":[{"id","medication":{"dmd","name"},
 *      "dosage","quantity","prescriptionType","dispensedOn"}]}
 * 404 {"error":"PATIENT_NOT_FOUND"}   400 {"error":"INVALID_NHS_NUMBER"}
 * </pre>
 *
 * A fixture {@code DIR/pharmacy/<nhsNumber>.json} is served verbatim. Not restartable.
 */
public final class CommunityPharmacySimulator implements AutoCloseable {

  public static final String PATH_PATTERN = "/api/v1/patients/[^/]*/dispensing";
  private static final String TRANSFORMER = "pharmacy-dispensing";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Population population;
  private final Fixtures fixtures;
  private WireMockServer server;

  public CommunityPharmacySimulator(Population population, Fixtures fixtures) {
    this.population = Objects.requireNonNull(population, "population");
    this.fixtures = Objects.requireNonNull(fixtures, "fixtures");
  }

  public synchronized CommunityPharmacySimulator start(int port) {
    if (server != null) {
      throw new IllegalStateException("pharmacy simulator already started on " + port());
    }
    WireMockServer wireMock =
        new WireMockServer(
            QuietWireMock.configure(options().port(port)).extensions(new Dispensing()));
    wireMock.stubFor(
        get(urlPathMatching(PATH_PATTERN)).willReturn(aResponse().withTransformers(TRANSFORMER)));
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
      throw new IllegalStateException("pharmacy simulator is not running");
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

  private final class Dispensing implements ResponseDefinitionTransformerV2 {

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
      String[] parts = event.getRequest().getUrl().replaceFirst("\\?.*$", "").split("/");
      String id = parts[parts.length - 2];
      if (!NhsNumber.isValid(id)) {
        return respond(400, "{\"error\":\"INVALID_NHS_NUMBER\"}");
      }
      NhsNumber nhsNumber = new NhsNumber(id);
      Optional<SyntheticPatient> patient = population.find(nhsNumber);
      if (patient.isEmpty()) {
        return respond(404, "{\"error\":\"PATIENT_NOT_FOUND\"}");
      }
      Optional<String> fixture = fixtures.find(SourceKind.PHARMACY, nhsNumber);
      if (fixture.isPresent()) {
        return respond(200, fixture.get());
      }
      if (!DispensingRecords.knownToPharmacy(population, nhsNumber)) {
        return respond(404, "{\"error\":\"PATIENT_NOT_FOUND\"}");
      }
      return respond(200, document(patient.get()));
    }

    private String document(SyntheticPatient patient) {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put(
          "pharmacy",
          Map.of(
              "odsCode", DispensingRecords.PHARMACY_ODS, "name", DispensingRecords.PHARMACY_NAME));
      json.put("nhsNumber", patient.nhsNumber().value());
      List<Map<String, Object>> items =
          DispensingRecords.dispensed(population, patient).stream()
              .map(
                  d -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", d.id());
                    item.put("medication", Map.of("dmd", d.dmdCode(), "name", d.medication()));
                    item.put("dosage", d.dosage());
                    item.put("quantity", d.quantity());
                    item.put("prescriptionType", d.prescriptionType());
                    item.put("dispensedOn", d.dispensedOn().toString());
                    return item;
                  })
              .toList();
      json.put("dispensed", items);
      try {
        return JSON.writeValueAsString(json);
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    }

    private ResponseDefinition respond(int status, String body) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withBody(body)
          .build();
    }
  }
}
