package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
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
 * Issue 9, the case that was found: the GP could read two of its three listed allergies, the
 * hospital one. The view, the stream and the warnings must all say the GP's allergies are partial,
 * and the source must still be {@code OK}; a viewer who may not see allergies learns nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordCompletenessTest {

  static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  static final NhsNumber PATIENT = new NhsNumber("9990000018");

  final MutableClock clock = new MutableClock(NOW);
  HikariDataSource database;
  FanoutEngine fanout;
  RecordService records;

  @BeforeAll
  void start() {
    database = TestDatabases.h2Memory();
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    adapters.put(
        new Fixed(
            "gp",
            "Riverside Medical Practice",
            SectionContent.of(
                    Section.ALLERGIES,
                    List.of(
                        allergy("gp", "a1", "Allergy to peanuts"), allergy("gp", "a2", "Latex")))
                .withCompleteness(
                    Completeness.partial(1, "1 listed AllergyIntolerance is not in the Bundle"))),
        new SourceProperties("gp"));
    adapters.put(
        new Fixed(
            "acute",
            "Riverside University Hospitals",
            SectionContent.of(
                Section.ALLERGIES, List.of(allergy("acute", "x1", "Allergy to penicillin")))),
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
  void a_partial_gp_allergy_list_is_flagged_on_the_source_the_section_and_the_warnings() {
    fanout.purge(PATIENT);

    RecordView view = records.view(viewer(Role.CLINICIAN), PATIENT, RecordService.SERVED).view();

    RecordView.SourceView gp = view.sources().getFirst();
    assertThat(gp.status()).isEqualTo("OK");
    assertThat(gp.incompleteSections())
        .containsExactly(
            new RecordView.IncompleteSectionView(
                "allergies", "PARTIAL", 1, "1 listed AllergyIntolerance is not in the Bundle"));
    assertThat(view.sources().get(1).incompleteSections()).isEmpty();
    assertThat(view.sections().allergies().items()).hasSize(3);
    assertThat(view.sections().allergies().state()).isEqualTo("KNOWN");
    assertThat(view.sections().allergies().incomplete())
        .containsExactly(
            new RecordView.IncompleteView(
                "gp",
                "PARTIAL",
                1,
                "Riverside Medical Practice: 1 listed allergy could not be read"));
    assertThat(view.sections().medications().incomplete()).isEmpty();
    assertThat(view.warnings())
        .contains(
            new RecordView.WarningView(
                "SECTION_INCOMPLETE",
                "Riverside Medical Practice: 1 listed allergy could not be read"));
  }

  @Test
  void the_stream_carries_the_same_gap_in_the_sources_own_event() {
    fanout.purge(PATIENT);
    List<SourceEvent> events = new ArrayList<>();

    records.stream(viewer(Role.CLINICIAN), PATIENT, RecordService.SERVED, events::add);

    SourceEvent gp = events.stream().filter(e -> e.id().equals("gp")).findFirst().orElseThrow();
    assertThat(gp.incompleteSections())
        .extracting(
            RecordView.IncompleteSectionView::section, RecordView.IncompleteSectionView::state)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("allergies", "PARTIAL"));
    assertThat(gp.sections().allergies().incomplete()).hasSize(1);
    SourceEvent acute =
        events.stream().filter(e -> e.id().equals("acute")).findFirst().orElseThrow();
    assertThat(acute.incompleteSections()).isEmpty();
  }

  @Test
  void a_cached_view_still_says_the_section_is_partial() {
    records.view(viewer(Role.CLINICIAN), PATIENT, RecordService.SERVED);

    RecordView cached = records.view(viewer(Role.CLINICIAN), PATIENT, RecordService.SERVED).view();

    assertThat(cached.sources().getFirst().cached()).isTrue();
    assertThat(cached.sources().getFirst().incompleteSections()).hasSize(1);
    assertThat(cached.sections().allergies().incomplete()).hasSize(1);
  }

  @Test
  void a_viewer_who_may_not_see_allergies_is_told_nothing_about_them() {
    RecordView view =
        records.view(viewer(Role.SOCIAL_WORKER), PATIENT, RecordService.SERVED).view();

    assertThat(view.sources()).allSatisfy(s -> assertThat(s.incompleteSections()).isEmpty());
    assertThat(view.sections().allergies().incomplete()).isEmpty();
    assertThat(view.warnings())
        .extracting(RecordView.WarningView::code)
        .doesNotContain("SECTION_INCOMPLETE");
  }

  private static LaunchContext viewer(Role role) {
    String orgType = role == Role.SOCIAL_WORKER ? "local-authority" : "out-of-hours";
    return new LaunchContext(
        "http://launcher.test",
        "jti",
        "u1",
        "Dr Khan",
        role,
        role == Role.SOCIAL_WORKER ? "LA001" : "Y03012",
        orgType,
        orgType,
        "test",
        "directcare",
        PATIENT,
        NOW.plusSeconds(300));
  }

  private static AllergyItem allergy(String source, String id, String display) {
    return new AllergyItem(
        Provenance.of(source, id),
        CodedConcept.snomed(Integer.toString(Math.abs(display.hashCode())), display),
        AllergyItem.Status.ACTIVE,
        Optional.empty(),
        Optional.of(LocalDate.of(2020, 1, 1)),
        List.of(),
        Optional.empty(),
        Set.of());
  }

  /** A source that always answers with one section. */
  private record Fixed(String id, String name, SectionContent<?> content) implements SourceAdapter {

    @Override
    public SourceDescriptor descriptor() {
      return new SourceDescriptor(id, name, "X1", Set.of(content.section()));
    }

    @Override
    public SourceOutcome fetch(SourceRequest request) {
      return new SourceOutcome.Loaded(
          new SourceRecord(Optional.empty(), Map.of(content.section(), content)));
    }
  }
}
