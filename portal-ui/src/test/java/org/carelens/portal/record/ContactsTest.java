package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.carelens.portal.gateway.PatientContact;
import org.junit.jupiter.api.Test;

class ContactsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

  @Test
  void an_emergency_contact_from_the_spine_is_its_relationship_and_number() {
    assertThat(Contacts.line(Items.EMERGENCY_CONTACT, TODAY))
        .isEqualTo("Emergency contact: 0113 496 0921");
  }

  @Test
  void a_named_contact_gives_name_then_number_and_an_ended_one_says_when_it_ended() {
    assertThat(Contacts.line(Items.ENDED_CONTACT, TODAY))
        .isEqualTo("Next of kin: Mr John Jones — 01632 960587 (ended 31-Dec-2025)");
    // Still current on its last day.
    assertThat(Contacts.line(Items.ENDED_CONTACT, LocalDate.of(2025, 12, 31)))
        .isEqualTo("Next of kin: Mr John Jones — 01632 960587");
  }

  @Test
  void a_contact_not_yet_valid_says_from_when_and_missing_parts_say_not_known() {
    PatientContact future = new PatientContact(null, null, null, LocalDate.of(2027, 1, 1), null);

    assertThat(Contacts.line(future, TODAY)).isEqualTo("Contact: Not known (from 01-Jan-2027)");
  }
}
