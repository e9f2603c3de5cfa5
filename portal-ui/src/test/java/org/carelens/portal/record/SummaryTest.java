package org.carelens.portal.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.carelens.portal.Rendered;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.EncounterEntry;
import org.carelens.portal.gateway.ItemDifference;
import org.carelens.portal.gateway.ItemSection;
import org.carelens.portal.gateway.MedicationSection;
import org.carelens.portal.gateway.Sections;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static Sections sections() {
    return new Sections(
        new ItemSection<>(
            false,
            null,
            List.of(
                Items.alert(
                    "SAFEGUARDING", "Financial abuse", LocalDate.of(2026, 10, 11), Items.GP),
                Items.alert(
                    "RESPECT", "ReSPECT form", LocalDate.of(2026, 10, 4), Items.CARE_PLANS))),
        new AllergySection(false, null, "KNOWN", List.of(), null, null),
        new MedicationSection(
            false,
            null,
            List.of(
                Items.medicine(
                    "Amlodipine 5mg tablets",
                    "ACTIVE",
                    "One tablet once a day",
                    LocalDate.of(2026, 11, 1),
                    List.of(Items.GP),
                    List.of())),
            null,
            null),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()),
        new ItemSection<>(false, null, List.of()));
  }

  /** The sections above with these encounters. */
  private static Sections withEncounters(EncounterEntry... encounters) {
    Sections s = sections();
    return new Sections(
        s.alerts(),
        s.allergies(),
        s.medications(),
        s.problems(),
        new ItemSection<>(false, null, List.of(encounters)),
        s.results(),
        s.immunisations(),
        s.documents(),
        s.referrals(),
        s.careTeam(),
        s.socialCare());
  }

  private static SummaryTile tile(List<SummaryTile> tiles, String id) {
    return tiles.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void care_plans_are_pinned_before_safeguarding_with_date_and_source() {
    List<SummaryTile> tiles =
        Summary.clinical(
            Items.patient(false),
            sections(),
            List.of(Items.answered("gp", "GP", "OK")),
            TODAY,
            LONDON);

    SummaryTile plans = tile(tiles, "tile-care-plans");
    assertThat(plans.prominent()).isTrue();
    assertThat(plans.lines())
        .containsExactly(
            "ReSPECT form — 04-Oct-2026 — Care plans (NRL)",
            "Safeguarding: Financial abuse — 11-Oct-2026 — GP practice (GP Connect)");
    assertThat(plans.sources()).containsExactly("Care plans (NRL)", "GP practice (GP Connect)");
    assertThat(plans.mayBeIncomplete()).isFalse();
  }

  @Test
  void the_last_admission_shows_admission_and_discharge_times_where_the_source_recorded_them() {
    EncounterEntry timed =
        Items.timed("a", "ADMISSION", "2026-03-12T23:50:00Z", "2026-03-15T11:30:00Z");
    EncounterEntry older = Items.encounter("o", "ADMISSION", LocalDate.of(2025, 2, 1));

    SummaryTile admission =
        tile(
            Summary.clinical(
                Items.patient(false), withEncounters(older, timed), List.of(), TODAY, LONDON),
            "tile-admission");

    assertThat(admission.lines())
        .containsExactly(
            "Admitted 12-Mar-2026 23:50 — ADMISSION a — Ward 12", "Discharged 15-Mar-2026 11:30");
  }

  @Test
  void an_admission_recorded_to_the_day_shows_its_date_and_no_invented_time() {
    EncounterEntry dated = Items.encounter("d", "ADMISSION", LocalDate.of(2026, 8, 20));

    SummaryTile admission =
        tile(
            Summary.clinical(Items.patient(false), withEncounters(dated), List.of(), TODAY, LONDON),
            "tile-admission");

    assertThat(admission.lines().getFirst()).isEqualTo("Admitted 20-Aug-2026 — ADMISSION d");
  }

  @Test
  void the_last_gp_contact_of_a_day_with_two_is_the_later_one_with_its_time_in_uk_time() {
    // 08:10 and 15:40 UTC in July are 09:10 and 16:40 on the surgery's clock.
    EncounterEntry morning = Items.timed("m", "GP_CONSULTATION", "2026-07-01T08:10:00Z", null);
    EncounterEntry afternoon = Items.timed("p", "GP_CONSULTATION", "2026-07-01T15:40:00Z", null);

    SummaryTile gp =
        tile(
            Summary.clinical(
                Items.patient(false), withEncounters(afternoon, morning), List.of(), TODAY, LONDON),
            "tile-gp-contact");

    assertThat(gp.lines()).containsExactly("01-Jul-2026 16:40 — GP_CONSULTATION p — Dr Amira Khan");
  }

  @Test
  void a_source_that_timed_out_marks_every_clinical_tile_as_possibly_incomplete() {
    List<SummaryTile> tiles =
        Summary.clinical(
            Items.patient(false),
            sections(),
            List.of(
                Items.answered("gp", "GP", "OK"),
                Items.answered("acute", "Riverside hospital", "TIMEOUT")),
            TODAY,
            LONDON);

    assertThat(tiles).allSatisfy(t -> assertThat(t.mayBeIncomplete()).isTrue());
    assertThat(tile(tiles, "tile-medications").incomplete())
        .containsExactly("Riverside hospital: did not answer in time");
  }

  @Test
  void a_source_still_loading_is_named_on_each_tile_until_it_answers() {
    List<SummaryTile> tiles =
        Summary.clinical(
            null,
            sections(),
            List.of(new SourceProgress.Loading("acute", "Riverside hospital")),
            TODAY,
            LONDON);

    assertThat(tile(tiles, "tile-allergies").incomplete())
        .containsExactly("Riverside hospital: still loading");
  }

  @Test
  void a_source_withheld_for_every_patient_by_role_is_not_a_gap_but_one_withheld_for_her_is() {
    SourceProgress.Row byRole =
        new SourceProgress.Answered(
            new org.carelens.portal.gateway.SourceView(
                "mental-health",
                "MH",
                "WITHHELD",
                1,
                false,
                null,
                "NOT_SHARED_WITH_ORGANISATION_TYPE",
                null));
    SourceProgress.Row permission =
        new SourceProgress.Answered(
            new org.carelens.portal.gateway.SourceView(
                "mental-health",
                "MH",
                "WITHHELD",
                1,
                false,
                null,
                "PERMISSION_TO_VIEW_REQUIRED",
                null));

    assertThat(Summary.gaps(List.of(byRole), List.of(), List.of())).isEmpty();
    assertThat(Summary.gaps(List.of(permission), List.of(), List.of()))
        .singleElement()
        .asString()
        .startsWith("MH: withheld — The patient's permission to view is needed");
  }

  @Test
  void demographics_show_address_phone_and_gp_but_never_for_a_restricted_patient() {
    SummaryTile open = Summary.demographics(Items.patient(false), sections(), List.of(), TODAY);
    SummaryTile restricted =
        Summary.demographics(Items.patient(true), sections(), List.of(), TODAY);

    assertThat(open.lines())
        .containsExactly(
            "Address: 12 Acacia Avenue, Leeds, LS6 2AB",
            "Phone: 0113 496 0018",
            "Registered GP: A81001",
            "Next of kin or emergency contact: Not known");
    assertThat(restricted.lines())
        .containsExactly(
            "Restricted record: address, phone, registered GP and contacts are not shown");
    assertThat(String.join(" ", restricted.lines())).doesNotContain("Acacia", "0113", "A81001");
  }

  @Test
  void demographics_show_the_spines_contacts_current_first_and_an_ended_one_says_so() {
    SummaryTile tile =
        Summary.demographics(
            Items.patient(false, List.of(Items.ENDED_CONTACT, Items.EMERGENCY_CONTACT)),
            sections(),
            List.of(),
            TODAY);

    assertThat(tile.lines())
        .containsExactly(
            "Address: 12 Acacia Avenue, Leeds, LS6 2AB",
            "Phone: 0113 496 0018",
            "Registered GP: A81001",
            "Emergency contact: 0113 496 0921",
            "Next of kin: Mr John Jones — 01632 960587 (ended 31-Dec-2025)");
  }

  @Test
  void a_restricted_patients_contacts_are_not_shown_even_if_a_gateway_sent_them() {
    SummaryTile tile =
        Summary.demographics(
            Items.patient(true, List.of(Items.EMERGENCY_CONTACT)), sections(), List.of(), TODAY);

    assertThat(String.join(" ", tile.lines())).doesNotContain("0113 496 0921", "Emergency");
  }

  @Test
  void current_medicines_are_cui_medication_lines_and_a_conflict_is_never_dropped() {
    var changed =
        Items.medicine(
            "Amlodipine 5mg tablets",
            "ACTIVE",
            "One tablet once a day",
            LocalDate.of(2026, 11, 1),
            List.of(Items.GP, Items.ACUTE),
            List.of(
                new ItemDifference(
                    "dosageText",
                    List.of(
                        new ItemDifference.SourceValue("gp", "One tablet once a day"),
                        new ItemDifference.SourceValue("acute", "Two tablets once a day")))));

    assertThat(MedicationLines.line(changed))
        .isEqualTo(
            "Amlodipine 5mg tablets — One tablet once a day — 28 tablet (Repeat) — Sources disagree");
  }

  @Test
  void a_tile_says_may_be_incomplete_in_words_and_links_its_full_section() {
    SummaryTile tile =
        new SummaryTile(
            "tile-allergies",
            "Known allergies",
            List.of("Allergy to penicillin"),
            0,
            "none",
            List.of("GP"),
            List.of("GP: 1 listed allergy could not be read"),
            false,
            java.util.Optional.of(SectionKind.ALLERGIES));

    var rendered = SummaryTiles.tile(tile);

    assertThat(rendered.getElement().getAttribute("data-incomplete")).isEqualTo("true");
    assertThat(Rendered.text(rendered, "tile-allergies-incomplete"))
        .contains("May be incomplete", "GP: 1 listed allergy could not be read");
    assertThat(Rendered.byId(rendered, "tile-allergies-full").orElseThrow().getAttribute("href"))
        .isEqualTo("#allergies");
    assertThat(Rendered.text(rendered, "tile-allergies-sources")).isEqualTo("Sources: GP");
  }

  @Test
  void sections_withheld_whole_for_the_role_are_named_once() {
    String notice = "Not shared with social workers under sharing agreement riverside";
    Sections s =
        new Sections(
            null,
            null,
            new MedicationSection(true, notice, List.of(), null, List.of("ROLE")),
            null,
            null,
            new ItemSection<>(true, notice, List.of(), null, List.of("ROLE")),
            null,
            null,
            null,
            null,
            null);
    List<SectionKind> order = LandingOrder.forRole("social-worker");

    List<SectionKind> notShared = RoleViews.notSharedWithRole(s, order);

    assertThat(notShared).containsExactly(SectionKind.MEDICATIONS, SectionKind.RESULTS);
    assertThat(
            Rendered.text(RoleViews.notSharedNotice(s, notShared).orElseThrow(), "role-withheld"))
        .contains(notice + ": Medications, Results.");
  }
}
