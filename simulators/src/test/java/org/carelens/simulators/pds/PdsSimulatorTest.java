package org.carelens.simulators.pds;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.carelens.simulators.population.Population;
import org.carelens.simulators.population.SyntheticPatient;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdsSimulatorTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Population POPULATION =
      Population.generate(42, 200, LocalDate.of(2026, 11, 22));
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static PdsSimulator pds;

  @BeforeAll
  static void start() {
    pds = new PdsSimulator(POPULATION).start(0);
  }

  @AfterAll
  static void stop() {
    pds.stop();
  }

  @Test
  void the_showcase_patient_is_read_with_her_registered_practice() throws Exception {
    HttpResponse<String> response = get(Population.SHOWCASE_NHS_NUMBER);

    Patient patient = patient(response);
    assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("9990000018");
    assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Jones");
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1950-03-12");
    assertThat(patient.getGeneralPractitionerFirstRep().getIdentifier().getValue())
        .isEqualTo("A81001");
    assertThat(patient.getMeta().getSecurityFirstRep().getCode()).isEqualTo("U");
    assertThat(patient.hasDeceased()).isFalse();
    // Her emergency contact, as PDS holds one: relationship C and a telephone number, no name.
    assertThat(patient.getContact())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getRelationshipFirstRep().getCodingFirstRep().getSystem())
                  .isEqualTo("http://terminology.hl7.org/CodeSystem/v2-0131");
              assertThat(c.getRelationshipFirstRep().getCodingFirstRep().getCode()).isEqualTo("C");
              assertThat(c.getTelecomFirstRep().getValue()).isEqualTo("0113 496 0921");
              assertThat(c.hasName()).isFalse();
            });
  }

  @Test
  void a_restricted_patient_with_an_emergency_contact_is_sent_without_it() {
    SyntheticPatient s = POPULATION.showcase();
    SyntheticPatient restricted =
        new SyntheticPatient(
            s.nhsNumber(),
            s.title(),
            s.given(),
            s.family(),
            s.birthDate(),
            s.gender(),
            s.address(),
            s.telephone(),
            s.practice(),
            s.allergies(),
            s.prescriptions(),
            false,
            s.deceasedDate(),
            true,
            s.staleFamilyAtGp(),
            s.staleAddressAtGp(),
            s.problems(),
            s.dischargeMedicationId(),
            s.dischargeDose(),
            s.emergencyContactTelephone());
    assertThat(restricted.emergencyContactTelephone()).isPresent();

    assertThat(PdsPatients.patient(restricted).getContact()).isEmpty();
  }

  @Test
  void a_restricted_patient_has_no_address_telecom_or_practice() throws Exception {
    SyntheticPatient restricted = first(SyntheticPatient.RESTRICTED);

    Patient patient = patient(get(restricted.nhsNumber().value()));

    assertThat(patient.getMeta().getSecurityFirstRep().getCode()).isEqualTo("R");
    assertThat(patient.getAddress()).isEmpty();
    assertThat(patient.getTelecom()).isEmpty();
    assertThat(patient.getGeneralPractitioner()).isEmpty();
    assertThat(patient.getContact()).isEmpty();
  }

  @Test
  void a_deceased_patient_carries_the_date_of_death() throws Exception {
    SyntheticPatient deceased = first(SyntheticPatient.DECEASED);

    Patient patient = patient(get(deceased.nhsNumber().value()));

    assertThat(patient.getDeceasedDateTimeType().getValueAsString())
        .startsWith(deceased.deceasedDate().orElseThrow().toString());
  }

  @Test
  void the_spine_holds_the_current_surname_where_the_practice_holds_an_old_one() throws Exception {
    SyntheticPatient discrepant =
        POPULATION.patients().stream()
            .filter(p -> p.staleFamilyAtGp().isPresent())
            .findFirst()
            .orElseThrow();

    Patient patient = patient(get(discrepant.nhsNumber().value()));

    assertThat(patient.getNameFirstRep().getFamily())
        .isEqualTo(discrepant.family())
        .isNotEqualTo(discrepant.familyAtGp());
  }

  @Test
  void an_unknown_number_is_resource_not_found_and_an_invalid_one_a_bad_request() throws Exception {
    HttpResponse<String> unknown = get(unknownNumber());
    HttpResponse<String> invalid = get("1234567890");

    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo("RESOURCE_NOT_FOUND");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(code(invalid)).isEqualTo("INVALID_RESOURCE_ID");
  }

  private static String unknownNumber() {
    for (int serial = 1; ; serial++) {
      String firstNine = "999" + "%06d".formatted(serial);
      int check = org.carelens.sdk.model.NhsNumber.checkDigit(firstNine);
      if (check != 10 && POPULATION.find(firstNine + check).isEmpty()) {
        return firstNine + check;
      }
    }
  }

  private static SyntheticPatient first(String tag) {
    return POPULATION.patients().stream()
        .filter(p -> p.scenarios().contains(tag))
        .findFirst()
        .orElseThrow();
  }

  private static HttpResponse<String> get(String id) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(pds.baseUrl() + "/Patient/" + id)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Patient patient(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/fhir+json");
    return FHIR.newJsonParser().parseResource(Patient.class, response.body());
  }

  private static String code(HttpResponse<String> response) {
    return FHIR.newJsonParser()
        .parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep()
        .getDetails()
        .getCodingFirstRep()
        .getCode();
  }
}
