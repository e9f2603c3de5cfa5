package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.carelens.gateway.consent.ConsentRegister;
import org.carelens.gateway.consent.ConsentState;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.FanoutProperties;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.gateway.fanout.TestSourceAdapters;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.policy.AgreementFiles;
import org.carelens.gateway.policy.PolicyProperties;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.spi.SourceAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shipped demo agreement ({@code agreements/riverside.yml}) applied by {@link RecordService} to
 * in-memory sources that hold everything: the launcher's personas and a restricted patient, whose
 * address, telephone, practice and contacts are hidden even when a source sends them.
 */
class DemoAgreementViewTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final NhsNumber PATIENT = new NhsNumber("9990000018");

  final MutableClock clock = new MutableClock(NOW);
  final HikariDataSource database = TestDatabases.h2Memory();
  FanoutEngine fanout;

  @AfterEach
  void stop() {
    if (fanout != null) {
      fanout.close();
    }
    database.close();
  }

  @Test
  void the_social_worker_persona_sees_no_medication_result_or_mental_health_note_items() {
    RecordService records = records(false);

    RecordView view =
        records
            .view(
                persona(Role.SOCIAL_WORKER, "LA001", "local-authority"),
                PATIENT,
                RecordService.SERVED)
            .view();

    assertThat(view.sections().medications().items()).isEmpty();
    assertThat(view.sections().medications().withheld()).isTrue();
    assertThat(view.sections().results().items()).isEmpty();
    assertThat(view.sections().results().withheld()).isTrue();
    assertThat(view.toString())
        .doesNotContain("|medications|")
        .doesNotContain("|results|")
        .doesNotContain("|" + Sensitivity.MENTAL_HEALTH_NOTES.name());
    assertThat(view.sections().socialCare().items()).isNotEmpty();
    assertThat(view.sections().careTeam().items()).isNotEmpty();
  }

  @Test
  void the_out_of_hours_doctor_sees_mental_health_notes_only_once_permission_is_recorded() {
    RecordService records = records(false);
    LaunchContext doctor = persona(Role.CLINICIAN, "Y03012", "out-of-hours");

    String before = records.view(doctor, PATIENT, RecordService.SERVED).view().toString();
    new ConsentRegister(database, clock)
        .recordPermission(
            PATIENT,
            new org.carelens.gateway.audit.Actor("u1", "Dr Khan", "clinician", "Y03012"),
            NOW.plusSeconds(600));
    String after = records.view(doctor, PATIENT, RecordService.SERVED).view().toString();

    String note =
        SyntheticSource.marker(
            "mental-health", Section.DOCUMENTS, Optional.of(Sensitivity.MENTAL_HEALTH_NOTES));
    assertThat(before).doesNotContain(note);
    assertThat(after).contains(note);
  }

  @Test
  void a_restricted_patients_address_telephone_and_practice_are_hidden() {
    RecordService records = records(true);

    RecordView view =
        records
            .view(persona(Role.CLINICIAN, "Y03012", "out-of-hours"), PATIENT, RecordService.SERVED)
            .view();

    assertThat(view.patient().restricted()).isTrue();
    assertThat(view.patient().address()).isNull();
    assertThat(view.patient().telephone()).isNull();
    assertThat(view.patient().registeredPractice()).isNull();
    assertThat(view.patient().name().family()).isEqualTo("SYNTHETIC");
    assertThat(view.patient().contacts()).isEmpty();
    assertThat(view.toString())
        .doesNotContain("Secret Lane")
        .doesNotContain("0111 000")
        .doesNotContain("PRACTICE-")
        .doesNotContain("CONTACT-")
        .doesNotContain("0111 999");
  }

  @Test
  void an_unrestricted_patients_contact_is_shown_from_the_source_whose_identity_is_shown() {
    RecordService records = records(false);

    RecordView view =
        records
            .view(persona(Role.CLINICIAN, "Y03012", "out-of-hours"), PATIENT, RecordService.SERVED)
            .view();

    // Without the spine, the first source's identity is the reference: its contact, once.
    assertThat(view.patient().contacts())
        .containsExactly(
            new RecordView.ContactView(
                "Emergency Contact", "CONTACT-gp Kin", "0111 999", null, null));
  }

  private RecordService records(boolean restricted) {
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    for (String id : new String[] {"gp", "mental-health", "social-care"}) {
      adapters.put(new SyntheticSource(id, restricted), new SourceProperties(id));
    }
    fanout = new FanoutEngine(TestSourceAdapters.of(adapters), new FanoutProperties(), clock);
    return new RecordService(
        fanout,
        new AccessPolicy(AgreementFiles.load(PolicyProperties.DEFAULT_AGREEMENT)),
        new ConsentState(new ConsentRegister(database, clock), new RelationshipRegister(database)),
        clock,
        GatewayMetrics.inMemory());
  }

  private static LaunchContext persona(Role role, String ods, String type) {
    return new LaunchContext(
        "http://launcher.test",
        "jti",
        "u1",
        "Persona",
        role,
        ods,
        type,
        type,
        "test",
        "directcare",
        PATIENT,
        NOW.plusSeconds(300));
  }
}
