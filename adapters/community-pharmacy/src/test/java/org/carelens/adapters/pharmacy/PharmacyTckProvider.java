package org.carelens.adapters.pharmacy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.tck.AdapterTckProvider;
import org.carelens.tck.TckSource;

/** Tells the conformance kit what the pharmacy's dispensing API looks like on the wire. */
public final class PharmacyTckProvider implements AdapterTckProvider {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneOffset.UTC);

  @Override
  public SourceAdapter create(TckSource source) {
    return new PharmacyAdapter(
        PharmacyConfig.withDefaults(
                "pharmacy", "Riverside Community Pharmacy", source.baseUrl(), "FA123")
            .withLimits(source.requestTimeout(), source.maxResponseBytes()),
        CLOCK);
  }

  @Override
  public void stubRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source,
        patient,
        aResponse()
            .withStatus(200)
            .withHeader("Content-Type", contentType())
            .withBody(validPayload(patient)));
  }

  @Override
  public void stubNoRecord(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source,
        patient,
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", contentType())
            .withBody("{\"error\":\"PATIENT_NOT_FOUND\"}"));
  }

  @Override
  public void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response) {
    source.stubFor(
        get(urlPathEqualTo("/api/v1/patients/" + patient.value() + "/dispensing"))
            .willReturn(response));
  }

  @Override
  public String validPayload(NhsNumber patient) {
    return """
        {"pharmacy": {"odsCode": "FA123", "name": "Riverside Community Pharmacy"},
         "nhsNumber": "%1$s",
         "dispensed": [
          {"id": "%1$s-d-3", "medication": {"dmd": "319283006", "name": "Amlodipine 5mg tablets"},
           "dosage": "One tablet once a day", "quantity": "28 tablet",
           "prescriptionType": "repeat", "dispensedOn": "2026-11-08"},
          {"id": "%1$s-d-2", "medication": {"dmd": "319283006", "name": "Amlodipine 5mg tablets"},
           "dosage": "One tablet once a day", "quantity": "28 tablet",
           "prescriptionType": "repeat", "dispensedOn": "2026-10-11"},
          {"id": "%1$s-d-1", "medication": {"dmd": "323509004", "name": "Amoxicillin 500mg capsules"},
           "dosage": "One capsule three times a day", "quantity": "15 capsule",
           "prescriptionType": "acute", "dispensedOn": "2025-10-18"}]}
        """
        .formatted(patient.value());
  }

  @Override
  public Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    // The amoxicillin entry has lost its dm+d code; the amlodipine entries are readable.
    stubDataResponse(
        source, patient, ok(validPayload(patient).replace("\"dmd\": \"323509004\", ", "")));
    return Section.MEDICATIONS;
  }

  @Override
  public Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    stubDataResponse(
        source,
        patient,
        ok(
            """
            {"pharmacy": {"odsCode": "FA123", "name": "Riverside Community Pharmacy"},
             "nhsNumber": "%s",
             "dispensed": {"error": "dispensing history temporarily unavailable"}}
            """
                .formatted(patient.value())));
    return Section.MEDICATIONS;
  }

  private ResponseDefinitionBuilder ok(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", contentType()).withBody(body);
  }

  @Override
  public String contentType() {
    return "application/json";
  }

  @Override
  public String wronglyTypedPayload(NhsNumber patient) {
    return "{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"total\": 0}";
  }

  /** The API answers a patient it does not know with a plain 404. */
  @Override
  public boolean bareNotFoundIsNoRecord() {
    return true;
  }
}
