package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.PatientView;
import org.carelens.portal.gateway.PersonName;
import org.junit.jupiter.api.Test;

class PatientBannerTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  private static PatientView jones(LocalDate deceased) {
    return new PatientView(
        "9990000018",
        new PersonName("Jones", List.of("Margaret"), "Mrs"),
        LocalDate.of(1950, 3, 12),
        "female",
        deceased,
        null,
        null,
        null,
        false);
  }

  @Test
  void banner_shows_name_born_gender_nhs_number_and_allergy_title_with_cui_labels() {
    PatientBanner banner = new PatientBanner(jones(null), AllergyTitle.KNOWN, TODAY);

    assertThat(Rendered.text(banner, "banner-name")).isEqualTo("JONES, Margaret (Mrs)");
    assertThat(Rendered.text(banner, "banner-born")).isEqualTo("Born 12-Mar-1950 (76y)");
    assertThat(Rendered.text(banner, "banner-gender")).isEqualTo("Gender Female");
    assertThat(Rendered.text(banner, "banner-nhs-number")).isEqualTo("NHS No. 999 000 0018");
    assertThat(Rendered.text(banner, "banner-allergy-title")).isEqualTo("Known allergies");
    assertThat(Rendered.byId(banner, "banner-deceased")).isEmpty();
  }

  @Test
  void a_deceased_patient_shows_the_date_of_death_and_no_running_age() {
    PatientBanner banner =
        new PatientBanner(jones(LocalDate.of(2024, 9, 2)), AllergyTitle.UNAVAILABLE, TODAY);

    assertThat(Rendered.text(banner, "banner-deceased")).isEqualTo("Deceased 02-Sep-2024");
    assertThat(Rendered.text(banner, "banner-born")).isEqualTo("Born 12-Mar-1950");
  }

  @Test
  void a_patient_no_source_identified_still_gets_a_banner_that_says_so() {
    PatientView unknown =
        new PatientView("9990000026", null, null, null, null, null, null, null, true);

    PatientBanner banner = new PatientBanner(unknown, AllergyTitle.UNAVAILABLE, TODAY);

    assertThat(Rendered.text(banner, "banner-name")).isEqualTo("Name not known");
    assertThat(Rendered.text(banner, "banner-born")).isEqualTo("Born Not known");
    assertThat(Rendered.text(banner, "banner-gender")).isEqualTo("Gender Not known");
    assertThat(Rendered.text(banner, "banner-nhs-number")).isEqualTo("NHS No. 999 000 0026");
    assertThat(Rendered.text(banner, "banner-allergy-title")).isEqualTo("Allergies unavailable");
  }

  @Test
  void the_name_is_the_pages_main_heading() {
    PatientBanner banner = new PatientBanner(jones(null), AllergyTitle.KNOWN, TODAY);

    assertThat(Rendered.byId(banner, "banner-name"))
        .hasValueSatisfying(e -> assertThat(e.getTag()).isEqualTo("h1"));
  }

  @Test
  void the_banner_expands_to_address_phone_gp_and_contacts_but_not_for_a_restricted_patient() {
    PatientBanner open =
        new PatientBanner(
            Items.patient(false, List.of(Items.EMERGENCY_CONTACT)), AllergyTitle.KNOWN, TODAY);
    PatientBanner restricted =
        new PatientBanner(
            Items.patient(true, List.of(Items.EMERGENCY_CONTACT)), AllergyTitle.KNOWN, TODAY);

    assertThat(Rendered.text(open, "banner-more"))
        .contains("Address, phone, GP and contacts", "12 Acacia Avenue", "0113 496 0018", "A81001");
    assertThat(Rendered.text(open, "banner-contact-0"))
        .isEqualTo("Emergency contact 0113 496 0921");
    assertThat(Rendered.text(restricted, "banner-more"))
        .contains("Restricted record: address, phone, registered GP and contacts are not shown")
        .doesNotContain("Not known")
        .doesNotContain("0113 496 0921");
  }

  @Test
  void without_a_contact_the_banner_says_it_is_not_known() {
    PatientBanner banner = new PatientBanner(Items.patient(false), AllergyTitle.KNOWN, TODAY);

    assertThat(Rendered.text(banner, "banner-contact-0"))
        .isEqualTo("Next of kin or emergency contact Not known");
  }
}
