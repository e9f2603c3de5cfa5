package org.carelens.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.ChainVerification;
import org.carelens.gateway.audit.ChainVerifier;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.limits.DailyCap;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.Role;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.sdk.model.NhsNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the consent register guarantees, run against each database the gateway supports (the same
 * Flyway migrations, {@code V3__consent.sql} included).
 */
abstract class ConsentRegisterContract {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00.123456Z");
  static final NhsNumber PATIENT = new NhsNumber("9990000018");
  static final Actor IG = new Actor("ig1", "Helen Carter", "ig-officer", "Y03012");
  static final Actor DOCTOR = new Actor("u1", "Dr Khan", "clinician", "Y03012");
  static final LaunchContext SESSION = session("u1", "jti-1");

  final MutableClock clock = new MutableClock(NOW);
  HikariDataSource database;
  ConsentRegister register;

  abstract HikariDataSource openDatabase();

  static LaunchContext session(String userId, String jti) {
    return new LaunchContext(
        "http://launcher.test",
        jti,
        userId,
        "Dr Khan",
        Role.CLINICIAN,
        "Y03012",
        "Out of hours",
        "out-of-hours",
        "test",
        "directcare",
        PATIENT,
        NOW.plusSeconds(300));
  }

  @BeforeEach
  void open() {
    database = openDatabase();
    register = new ConsentRegister(database, clock);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void a_revoked_dissent_stops_applying_but_stays_in_the_register_with_who_lifted_it() {
    DissentEntry whole = register.registerDissent(PATIENT, Optional.empty(), "Written request", IG);
    clock.advance(Duration.ofMinutes(1));
    register.registerDissent(PATIENT, Optional.of("gp"), "Opt-out at the practice", IG);
    clock.advance(Duration.ofMinutes(5));

    DissentEntry revoked =
        register.revokeDissent(whole.id(), "Patient changed mind", IG).orElseThrow();

    assertThat(revoked.active()).isFalse();
    assertThat(revoked.revocation().revokedBy()).isEqualTo("ig1");
    assertThat(revoked.revocation().revokedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(6)));
    assertThat(register.dissents(Optional.of(PATIENT)))
        .extracting(DissentEntry::reason, DissentEntry::active)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Written request", false),
            org.assertj.core.groups.Tuple.tuple("Opt-out at the practice", true));
    assertThat(register.consentAt(PATIENT, SESSION, clock.instant()).dissents())
        .containsExactly(Dissent.fromSource("gp"));
  }

  @Test
  void a_dissent_can_be_revoked_once_and_an_unknown_one_not_at_all() {
    DissentEntry dissent = register.registerDissent(PATIENT, Optional.empty(), "Request", IG);
    register.revokeDissent(dissent.id(), "Lifted", IG);

    assertThatThrownBy(() -> register.revokeDissent(dissent.id(), "Again", IG))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.code()).isEqualTo("DISSENT_ALREADY_REVOKED"));
    assertThat(register.revokeDissent("no-such-id", "Lifted", IG)).isEmpty();
  }

  @Test
  void permission_to_view_applies_to_its_organisation_until_it_lapses() {
    register.recordPermission(PATIENT, DOCTOR, NOW.plus(Duration.ofHours(1)));

    PatientConsent during = register.consentAt(PATIENT, SESSION, NOW.plus(Duration.ofMinutes(59)));
    PatientConsent after = register.consentAt(PATIENT, SESSION, NOW.plus(Duration.ofHours(1)));

    assertThat(during.permissionsToView())
        .containsExactly(
            new PatientConsent.PermissionToView("Y03012", "u1", NOW.plus(Duration.ofHours(1))));
    assertThat(after.permissionsToView()).isEmpty();
  }

  @Test
  void break_glass_is_active_for_its_user_and_patient_until_it_expires() {
    BreakGlass declared =
        register.declareBreakGlass(
            PATIENT,
            SESSION,
            "Immediate risk to life",
            "Collapsed",
            "demo v1",
            Duration.ofHours(4));

    assertThat(declared.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    assertThat(register.consentAt(PATIENT, SESSION, NOW.plusSeconds(60)).breakGlassUntil())
        .contains(NOW.plus(Duration.ofHours(4)));
    assertThat(
            register
                .consentAt(PATIENT, session("someone-else", "jti-2"), NOW.plusSeconds(60))
                .breakGlassUntil())
        .isEmpty();
    assertThat(register.consentAt(new NhsNumber("9434765919"), SESSION, NOW).breakGlassUntil())
        .isEmpty();
    assertThat(
            register.consentAt(PATIENT, SESSION, NOW.plus(Duration.ofHours(4))).breakGlassUntil())
        .isEmpty();
  }

  @Test
  void break_glass_never_carries_into_another_session_of_the_same_user() {
    register.declareBreakGlass(
        PATIENT, SESSION, "Immediate risk to life", "Collapsed", "demo v1", Duration.ofHours(4));

    PatientConsent later = register.consentAt(PATIENT, session("u1", "jti-later"), NOW);

    assertThat(later.breakGlassUntil()).isEmpty();
    assertThat(register.consentAt(PATIENT, SESSION, NOW).breakGlassUntil()).isPresent();
  }

  @Test
  void the_break_glass_cap_counts_a_users_declarations_in_the_last_24_hours_from_the_register()
      throws Exception {
    register.declareBreakGlass(PATIENT, SESSION, "r", "d", "v1", Duration.ofHours(4));
    clock.advance(Duration.ofHours(23));
    register.declareBreakGlass(
        new NhsNumber("9434765919"), session("u1", "jti-3"), "r", "d", "v1", Duration.ofHours(4));
    register.declareBreakGlass(
        PATIENT, session("someone-else", "jti-4"), "r", "d", "v1", Duration.ofHours(4));

    List<Instant> u1;
    try (Connection c = database.getConnection()) {
      // A day after the first: it is exactly 24 hours old and no longer counts.
      u1 =
          ConsentRegister.breakGlassSince(
              c, "u1", DailyCap.windowStart(NOW.plus(Duration.ofHours(24))));
    }

    assertThat(u1).containsExactly(NOW.plus(Duration.ofHours(23)));
  }

  @Test
  void a_consent_write_and_its_audit_entry_commit_together_or_not_at_all() {
    AuditTrail audit = new AuditTrail(database, clock);
    ChainVerifier verifier = new ChainVerifier(database);
    AuditEvent event =
        AuditEvent.builder(AuditEventType.BREAK_GLASS, AuditOutcome.SUCCESS)
            .actor(DOCTOR)
            .patient(PATIENT)
            .correlationId("consent-with-audit")
            .build();

    assertThatThrownBy(
            () ->
                register.declareBreakGlass(
                    PATIENT,
                    SESSION,
                    "Immediate risk to life",
                    "Collapsed",
                    "test v1",
                    Duration.ofHours(1),
                    (c, written) -> {
                      audit.appendWithin(c, event);
                      throw new SQLException("the audit entry after this one failed");
                    }))
        .isInstanceOf(ProblemException.class);
    PatientConsent afterFailure = register.consentAt(PATIENT, SESSION, NOW);
    ChainVerification chainAfterFailure = verifier.verify();
    register.declareBreakGlass(
        PATIENT,
        SESSION,
        "Immediate risk to life",
        "Collapsed",
        "test v1",
        Duration.ofHours(1),
        (c, written) -> audit.appendWithin(c, event));

    assertThat(afterFailure.breakGlassUntil()).isEmpty();
    assertThat(chainAfterFailure.entries()).isZero();
    assertThat(register.consentAt(PATIENT, SESSION, NOW).breakGlassUntil()).isPresent();
    assertThat(verifier.verify()).isEqualTo(new ChainVerification(true, 1, Optional.empty()));
  }
}
