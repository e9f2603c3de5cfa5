package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.consent.ConsentRegister;
import org.carelens.gateway.consent.ConsentState;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.FanoutProperties;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.gateway.fanout.TestSourceAdapters;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.policy.AgreementFiles;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The merge runs on what policy left of each answer: a difference between sources never carries the
 * value of an item the viewer may not see. Real {@link RecordService} over two in-memory sources
 * holding the same medicine at different doses, the hospital's labelled HIV, which the demo
 * agreement shares with clinicians only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DifferencesAfterPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final CodedConcept MEDICINE = CodedConcept.dmd("325278007", "Metformin 500mg tablets");
  static final String GP_DOSE = "One tablet twice a day with food";
  static final String WITHHELD_DOSE = "One tablet once a day with food";

  final MutableClock clock = new MutableClock(NOW);
  HikariDataSource database;
  FanoutEngine fanout;
  RecordService records;

  @BeforeAll
  void start() {
    database = TestDatabases.h2Memory();
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    adapters.put(
        new OneMedicine("gp", GP_DOSE, MedicationItem.PrescriptionType.REPEAT, Set.of()),
        new SourceProperties("gp"));
    adapters.put(
        new OneMedicine(
            "acute", WITHHELD_DOSE, MedicationItem.PrescriptionType.ACUTE, Set.of(Sensitivity.HIV)),
        new SourceProperties("acute"));
    fanout = new FanoutEngine(TestSourceAdapters.of(adapters), new FanoutProperties(), clock);
    records =
        new RecordService(
            fanout,
            new AccessPolicy(AgreementFiles.load("classpath:agreements/riverside.yml")),
            new ConsentState(
                new ConsentRegister(database, clock), new RelationshipRegister(database)),
            clock,
            GatewayMetrics.inMemory());
  }

  @AfterAll
  void stop() {
    fanout.close();
    database.close();
  }

  @Test
  void a_withheld_items_dose_is_not_listed_as_a_difference() {
    RecordView view =
        records.view(viewer(Role.PHARMACIST), PATIENT, Set.of(Section.MEDICATIONS)).view();

    assertThat(view.sections().medications().items())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.dosageText()).isEqualTo(GP_DOSE);
              assertThat(m.differences()).isEmpty();
              assertThat(m.conflict()).isFalse();
            });
    assertThat(view.toString()).doesNotContain(WITHHELD_DOSE);
    assertThat(view.warnings())
        .extracting(RecordView.WarningView::code)
        .doesNotContain("MEDICATION_DIFFERENCE");
  }

  @Test
  void a_viewer_who_may_see_both_items_gets_both_doses_with_their_sources() {
    RecordView view =
        records.view(viewer(Role.CLINICIAN), PATIENT, Set.of(Section.MEDICATIONS)).view();

    assertThat(view.sections().medications().items())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.differences())
                    .filteredOn(d -> d.field().equals("dosageText"))
                    .singleElement()
                    .satisfies(
                        d ->
                            assertThat(d.values())
                                .containsExactly(
                                    new RecordView.SourceValueView("gp", GP_DOSE),
                                    new RecordView.SourceValueView("acute", WITHHELD_DOSE))));
  }

  @Test
  void each_source_of_a_medicine_carries_its_own_values_and_only_sources_the_viewer_may_see() {
    RecordView.MedicationView pharmacist =
        records
            .view(viewer(Role.PHARMACIST), PATIENT, Set.of(Section.MEDICATIONS))
            .view()
            .sections()
            .medications()
            .items()
            .getFirst();
    RecordView.MedicationView clinician =
        records
            .view(viewer(Role.CLINICIAN), PATIENT, Set.of(Section.MEDICATIONS))
            .view()
            .sections()
            .medications()
            .items()
            .getFirst();

    // The hospital's item is labelled HIV, which the pharmacist may not see: its source and its
    // values are not listed at all.
    assertThat(pharmacist.sources())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.id()).isEqualTo("gp");
              assertThat(s.itemId()).isEqualTo("gp-m1");
              assertThat(s.values())
                  .isEqualTo(
                      new RecordView.MedicationValues(
                          "ACTIVE",
                          "REPEAT",
                          GP_DOSE,
                          "56 tablet",
                          LocalDate.of(2024, 1, 1),
                          null,
                          LocalDate.of(2026, 11, 1),
                          null));
            });
    assertThat(clinician.sources())
        .extracting(RecordView.MedicationSource::id)
        .containsExactly("gp", "acute");
    assertThat(clinician.sources())
        .extracting(s -> s.values().prescriptionType() + " " + s.values().dosageText())
        .containsExactly("REPEAT " + GP_DOSE, "ACUTE " + WITHHELD_DOSE);
    // The item's own values stay the shown source's (the GP's), as before.
    assertThat(clinician.prescriptionType()).isEqualTo("REPEAT");
  }

  private static LaunchContext viewer(Role role) {
    return new LaunchContext(
        "http://launcher.test",
        "jti",
        "u1",
        "Dr Khan",
        role,
        "Y03012",
        "out-of-hours",
        "out-of-hours",
        "test",
        "directcare",
        PATIENT,
        NOW.plusSeconds(300));
  }

  /** A source holding one medicine, issued on the same day at both, so the GP's comes first. */
  private record OneMedicine(
      String id, String dose, MedicationItem.PrescriptionType type, Set<Sensitivity> labels)
      implements SourceAdapter {

    @Override
    public SourceDescriptor descriptor() {
      return new SourceDescriptor(id, id, "X1", Set.of(Section.MEDICATIONS));
    }

    @Override
    public SourceOutcome fetch(SourceRequest request) {
      MedicationItem item =
          new MedicationItem(
              Provenance.of(id, id + "-m1"),
              MEDICINE,
              MedicationItem.Status.ACTIVE,
              type,
              Optional.of(dose),
              Optional.of("56 tablet"),
              Optional.of(LocalDate.of(2024, 1, 1)),
              Optional.empty(),
              Optional.of(LocalDate.of(2026, 11, 1)),
              Optional.empty(),
              labels);
      return new SourceOutcome.Loaded(
          new SourceRecord(
              Optional.empty(),
              Map.of(Section.MEDICATIONS, SectionContent.of(Section.MEDICATIONS, List.of(item)))));
    }
  }
}
