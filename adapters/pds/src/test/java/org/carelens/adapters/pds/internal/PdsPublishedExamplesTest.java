package org.carelens.adapters.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.spi.SearchOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/**
 * NHS Digital's own PDS FHIR example payloads ({@code src/test/resources/pds-published}, see its
 * SOURCE.md) read through the mapper: every retrieval and search example maps, a restricted patient
 * is flagged and loses address, telephone and practice, and the flag is recognised under every
 * system PDS has published it with.
 */
class PdsPublishedExamplesTest {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  @Test
  void every_published_retrieval_maps_to_the_patient_it_names() throws Exception {
    for (String name :
        List.of("Patient.json", "Patient-Jayne-Smyth.json", "Sensitive_Patient.json")) {
      Patient patient = (Patient) parse(name);
      NhsNumber number = new NhsNumber(patient.getIdElement().getIdPart());

      PatientIdentity identity = PdsPatientMapper.map(patient, number);

      assertThat(identity.nhsNumber()).as(name).isEqualTo(number);
      assertThat(identity.name().family()).as(name).isNotBlank();
    }
  }

  @Test
  void the_full_example_gives_name_practice_address_and_date_of_death() throws Exception {
    PatientIdentity jane = PdsPatientMapper.map((Patient) parse("Patient.json"), nhs("9000000009"));

    assertThat(jane.name().family()).isEqualTo("Smith");
    assertThat(jane.birthDate()).isEqualTo(LocalDate.of(2010, 10, 22));
    assertThat(jane.registeredPracticeOds()).contains("Y12345");
    assertThat(jane.address()).hasValueSatisfying(a -> assertThat(a).contains("LS1 6AE"));
    assertThat(jane.deceasedDate()).contains(LocalDate.of(2010, 10, 22));
    assertThat(jane.restricted()).isFalse();
  }

  @Test
  void the_restricted_example_is_flagged_and_shows_no_whereabouts() throws Exception {
    PatientIdentity janet =
        PdsPatientMapper.map((Patient) parse("Sensitive_Patient.json"), nhs("9000000025"));

    assertThat(janet.restricted()).isTrue();
    assertThat(janet.address()).isEmpty();
    assertThat(janet.telephone()).isEmpty();
    assertThat(janet.registeredPracticeOds()).isEmpty();
  }

  @Test
  void the_full_example_gives_its_emergency_contact_with_number_and_period() throws Exception {
    PatientIdentity jane = PdsPatientMapper.map((Patient) parse("Patient.json"), nhs("9000000009"));

    // PDS sends an emergency contact as a relationship (v2-0131 C) and a telephone number only.
    assertThat(jane.contacts())
        .containsExactly(
            new PatientIdentity.Contact(
                Optional.of("Emergency Contact"),
                Optional.empty(),
                Optional.of("01632960587"),
                Optional.of(LocalDate.of(2024, 1, 1)),
                Optional.of(LocalDate.of(2025, 12, 31))));
  }

  @Test
  void a_restricted_patients_contacts_are_never_passed_on_even_if_sent() throws Exception {
    // Defence in depth: PDS withholds them, and a restricted Patient that carried one anyway keeps
    // it at the adapter.
    Patient janet = (Patient) parse("Sensitive_Patient.json");
    janet
        .addContact()
        .addRelationship(
            new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/v2-0131", "C", null)))
        .addTelecom(
            new ContactPoint().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue("0113"));

    assertThat(PdsPatientMapper.map(janet, nhs("9000000025")).contacts()).isEmpty();
  }

  @Test
  void a_uk_core_contact_keeps_its_name_and_a_code_without_display_is_put_in_words()
      throws Exception {
    Patient jane = (Patient) parse("Patient.json");
    jane.getContact().clear();
    Patient.ContactComponent daughter = jane.addContact();
    daughter.addRelationship(
        new CodeableConcept(
            new Coding("http://terminology.hl7.org/CodeSystem/v2-0131", "N", null)));
    daughter.setName(new HumanName().setFamily("Smith").addGiven("Susan").addPrefix("Mrs"));
    daughter.addTelecom(
        new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("s@x.uk"));
    // Nobody to call: neither a name nor a telephone number.
    jane.addContact()
        .addRelationship(new CodeableConcept().setText("Neighbour"))
        .addTelecom(
            new ContactPoint().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue("n@x.uk"));

    assertThat(PdsPatientMapper.map(jane, nhs("9000000009")).contacts())
        .containsExactly(
            new PatientIdentity.Contact(
                Optional.of("Next-of-Kin"),
                Optional.of("Mrs Susan Smith"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty()));
  }

  /**
   * Earlier versions of the same example put the restricted label under {@code
   * https://www.hl7.org/fhir/valueset-security-labels.html}. Missing it would show a restricted
   * patient's address from the other sources.
   */
  @Test
  void the_restricted_flag_is_recognised_under_the_system_older_examples_use() throws Exception {
    String older =
        text("Sensitive_Patient.json")
            .replace(
                "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
                "https://www.hl7.org/fhir/valueset-security-labels.html");
    Patient patient = (Patient) FHIR.newJsonParser().parseResource(older);

    assertThat(PdsPatientMapper.map(patient, nhs("9000000025")).restricted()).isTrue();
  }

  @Test
  void the_practice_is_read_under_the_ods_system_older_examples_use() throws Exception {
    String older =
        text("Patient.json")
            .replace(
                "https://fhir.nhs.uk/Id/ods-organization-code",
                "https://digital.nhs.uk/services/organisation-data-service");
    assertThat(older).contains("organisation-data-service");
    Patient patient = (Patient) FHIR.newJsonParser().parseResource(older);

    assertThat(PdsPatientMapper.map(patient, nhs("9000000009")).registeredPracticeOds())
        .contains("Y12345");
  }

  @Test
  void every_published_search_answer_maps_to_its_matches_restricted_ones_without_postcode()
      throws Exception {
    for (String name :
        List.of(
            "PatientSearch.json",
            "PatientSearch-Jayne-Smyth.json",
            "Sensitive_PatientSearch.json")) {
      SearchOutcome outcome = PdsSearchMapper.map((Bundle) parse(name));

      assertThat(outcome).as(name).isInstanceOf(SearchOutcome.Matches.class);
      List<SearchOutcome.Match> matches = ((SearchOutcome.Matches) outcome).matches();
      assertThat(matches).as(name).isNotEmpty();
      for (SearchOutcome.Match match : matches) {
        assertThat(match.score()).isBetween(0.0, 1.0);
        if (match.identity().restricted()) {
          assertThat(match.postcode()).as(name).isEmpty();
        }
      }
    }
    SearchOutcome sensitive = PdsSearchMapper.map((Bundle) parse("Sensitive_PatientSearch.json"));
    assertThat(((SearchOutcome.Matches) sensitive).matches())
        .allSatisfy(m -> assertThat(m.identity().restricted()).isTrue());
  }

  /**
   * PDS's "patient with minimal data" (9000000033: no name, birth date or gender, "an example of a
   * patient with bad data quality") cannot be a {@link PatientIdentity}, which needs a name and a
   * birth date. It is refused with that reason, so the demographics source shows as an error that
   * says why, never as a patient with invented details. Showing such a record is an open action.
   */
  @Test
  void the_minimal_data_example_is_refused_with_its_reason_not_shown_with_invented_details() {
    Patient minimal = (Patient) parse("Minimal_Patient.json");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PdsPatientMapper.map(minimal, nhs("9000000033")))
        .isInstanceOf(MalformedPatientException.class)
        .hasMessageContaining("no family name");
  }

  /**
   * The compound-name example's match carries 9000000015, which fails the Modulus 11 check. A
   * search answer holding an impossible NHS number is refused as a whole, with that reason, rather
   * than offering the user a patient who cannot be opened safely.
   */
  @Test
  void a_search_answer_with_an_invalid_nhs_number_is_refused_with_that_reason() {
    Bundle compound = (Bundle) parse("PatientCompoundName.json");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PdsSearchMapper.map(compound))
        .isInstanceOf(MalformedPatientException.class)
        .hasMessageContaining("NHS number is not valid");
  }

  private static NhsNumber nhs(String value) {
    return new NhsNumber(value);
  }

  private static Object parse(String name) {
    return FHIR.newJsonParser().parseResource(text(name));
  }

  private static String text(String name) {
    try (InputStream in =
        PdsPublishedExamplesTest.class.getResourceAsStream("/pds-published/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no published example " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
