package org.carelens.adapters.socialcare;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/**
 * Tells the conformance kit how the council API looks on the wire. The token and the people search
 * always answer normally; "the data call" is each of the person's paged resources.
 */
public final class SocialCareTckProvider implements AdapterTckProvider {

  @Override
  public SourceAdapter create(TckSource source) {
    return new SocialCareRestAdapter(
        SocialCareRestConfig.withDefaults(
                "social-care",
                "Council adult social care",
                source.baseUrl(),
                "LA001",
                CouncilStubs.CLIENT_ID,
                CouncilStubs.CLIENT_SECRET)
            .withTimeouts(source.requestTimeout(), source.requestTimeout())
            .withMaxResponseBytes(source.maxResponseBytes()));
  }

  @Override
  public void stubRecord(WireMockServer source, NhsNumber patient) {
    CouncilStubs.wholeRecord(source, patient);
  }

  @Override
  public void stubNoRecord(WireMockServer source, NhsNumber patient) {
    CouncilStubs.token(source, "tok-1", 300);
    CouncilStubs.search(source, patient, false);
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    CouncilStubs.token(source, "tok-1", 300);
    CouncilStubs.search(source, patient, true);
    for (String resource : CouncilStubs.RESOURCES) {
      CouncilStubs.resource(source, patient, resource, response);
    }
  }

  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    CouncilStubs.wholeRecord(source, patient);
    // The planned respite package has a status the council's API does not define.
    CouncilStubs.resource(
        source,
        patient,
        "care-packages",
        CouncilStubs.json(
            200,
            Samples.text("care-packages.json")
                .replace(Samples.PATIENT.value(), patient.value())
                .replace("\"PLANNED\"", "\"AWAITING_FUNDING\"")));
    return Section.SOCIAL_CARE;
  }

  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    CouncilStubs.wholeRecord(source, patient);
    CouncilStubs.resource(
        source,
        patient,
        "safeguarding",
        CouncilStubs.json(503, "{\"error\": \"service_unavailable\"}"));
    return Section.ALERTS;
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return Samples.text("involvements.json").replace(Samples.PATIENT.value(), patient.value());
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return """
        {"id": "P-%s", "nhsNumber": "%s", "name": {"family": "Jones"}}
        """
        .formatted(patient.value(), patient.value());
  }
}
