package org.carelens.simulators.mentalhealth;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.simulators.fixtures.Fixtures;
import org.carelens.simulators.fixtures.SourceKind;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;

/**
 * Answers {@code GET /rio/api/v2/clients/{nhsNumber}/summary}: checks the API key, then serves the
 * fixture for the patient if there is one, else the generated summary, else an XML error. Stateless
 * and thread-safe.
 */
final class SummaryTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "rio-client-summary";

  private final Population population;
  private final Fixtures fixtures;
  private final byte[] apiKey;

  SummaryTransformer(Population population, Fixtures fixtures, String apiKey) {
    this.population = population;
    this.fixtures = fixtures;
    this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
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
    String key = request.getHeader(MentalHealthSimulator.API_KEY_HEADER);
    if (key == null || !MessageDigest.isEqual(apiKey, key.getBytes(StandardCharsets.UTF_8))) {
      return error(401, "UNAUTHORISED", "a valid API key is required in X-Api-Key");
    }
    // /rio/api/v2/clients/{nhsNumber}/summary
    String[] path = URI.create(request.getUrl()).getPath().split("/");
    String digits = path.length > 5 ? path[5] : "";
    if (!NhsNumber.isValid(digits)) {
      return error(400, "INVALID_NHS_NUMBER", "the client identifier is not a valid NHS number");
    }
    NhsNumber nhsNumber = NhsNumber.parse(digits);
    Optional<SyntheticPatient> patient = population.find(nhsNumber);
    if (patient.isEmpty()) {
      return notFound(nhsNumber);
    }
    Optional<String> fixture = fixtures.find(SourceKind.MENTAL_HEALTH, nhsNumber);
    if (fixture.isPresent()) {
      return ok(fixture.get());
    }
    if (!MentalHealthRecords.knownToMentalHealth(population, nhsNumber)) {
      return notFound(nhsNumber);
    }
    if (MentalHealthRecords.sharingRefusedAtMentalHealth(population, nhsNumber)) {
      return error(
          403, "SHARING_REFUSED", "the client has asked the trust not to share their record");
    }
    return ok(ClientSummaryXml.summary(MentalHealthRecords.summary(population, patient.get())));
  }

  private static ResponseDefinition notFound(NhsNumber nhsNumber) {
    return error(
        404,
        "CLIENT_NOT_FOUND",
        "no client with NHS number " + nhsNumber.masked() + " is known to the trust");
  }

  private static ResponseDefinition ok(String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(200)
        .withHeader("Content-Type", MentalHealthSimulator.CONTENT_TYPE)
        .withBody(body)
        .build();
  }

  private static ResponseDefinition error(int status, String code, String message) {
    ResponseDefinitionBuilder builder =
        ResponseDefinitionBuilder.responseDefinition()
            .withStatus(status)
            .withHeader("Content-Type", MentalHealthSimulator.CONTENT_TYPE)
            .withBody(ClientSummaryXml.error(code, message));
    return builder.build();
  }
}
