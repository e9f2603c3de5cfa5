package org.carelens.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.agreement.AgreementLoaderTest;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.junit.jupiter.api.Test;

class AccessPolicyTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  final AccessPolicy policy =
      new AccessPolicy(AgreementLoader.parse(AgreementLoaderTest.VALID, "t.yml"));

  @Test
  void dissent_from_one_source_withholds_that_source_only() {
    var consent = consent(List.of(Dissent.fromSource("gp")), Optional.empty());

    assertThat(policy.decideSource(doctor(Relationship.LAUNCHED_IN_CONTEXT), consent, "gp", NOW))
        .isInstanceOfSatisfying(
            Decision.Withhold.class, w -> assertThat(w.reasonCode()).isEqualTo("PATIENT_DISSENT"));
    assertThat(
            policy
                .decideSource(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT),
                    withPermission(consent),
                    "mental-health",
                    NOW)
                .permitted())
        .isTrue();
  }

  @Test
  void whole_record_dissent_withholds_every_source() {
    var consent = consent(List.of(Dissent.wholeRecord()), Optional.empty());

    assertThat(
            policy
                .decideSource(doctor(Relationship.LAUNCHED_IN_CONTEXT), consent, "gp", NOW)
                .permitted())
        .isFalse();
    assertThat(
            policy
                .decideSource(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT), consent, "mental-health", NOW)
                .permitted())
        .isFalse();
  }

  @Test
  void break_glass_does_not_override_dissent_unless_the_agreement_says_so() {
    var consent = consent(List.of(Dissent.fromSource("gp")), Optional.of(NOW.plusSeconds(600)));

    assertThat(
            policy.decideSource(doctor(Relationship.BREAK_GLASS), consent, "gp", NOW).permitted())
        .isFalse();

    var overriding =
        new AccessPolicy(
            AgreementLoader.parse(
                AgreementLoaderTest.VALID.replace(
                    "overridesDissent: false", "overridesDissent: true"),
                "t.yml"));
    Decision decision =
        overriding.decideSource(doctor(Relationship.BREAK_GLASS), consent, "gp", NOW);
    assertThat(decision.permitted()).isTrue();
    assertThat(decision.obligations())
        .contains(Obligation.SHOW_BREAK_GLASS_BANNER, Obligation.NOTIFY_PRIVACY_OFFICER);
  }

  @Test
  void expired_break_glass_gives_nothing() {
    var consent = consent(List.of(), Optional.of(NOW.minusSeconds(1)));

    Decision decision = policy.decideSource(doctor(Relationship.BREAK_GLASS), consent, "gp", NOW);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Withhold.class,
            w -> assertThat(w.reasonCode()).isEqualTo("BREAK_GLASS_EXPIRED"));
  }

  @Test
  void explicit_share_in_without_permission_prompts_and_shows_nothing() {
    Decision decision =
        policy.decideSource(
            doctor(Relationship.LAUNCHED_IN_CONTEXT), PatientConsent.none(), "mental-health", NOW);

    assertThat(decision.permitted()).isFalse();
    assertThat(decision.obligations()).containsExactly(Obligation.PROMPT_FOR_PERMISSION);
  }

  @Test
  void explicit_share_in_with_current_permission_is_permitted_and_lapses() {
    var consent = withPermission(PatientConsent.none());

    assertThat(
            policy
                .decideSource(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT), consent, "mental-health", NOW)
                .permitted())
        .isTrue();
    assertThat(
            policy
                .decideSource(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT),
                    consent,
                    "mental-health",
                    NOW.plusSeconds(7200))
                .permitted())
        .isFalse();
  }

  @Test
  void a_permission_lets_only_its_recorder_see_unless_the_agreement_makes_it_organisation_wide() {
    Viewer colleague =
        new Viewer(
            "u9", Role.CLINICIAN, "Y03012", "out-of-hours", Relationship.LAUNCHED_IN_CONTEXT);
    PatientConsent recordedByU1 = withPermission(PatientConsent.none());
    AccessPolicy organisationWide =
        new AccessPolicy(
            AgreementLoader.parse(
                AgreementLoaderTest.VALID + "permissionToView:\n  scope: organisation\n", "t.yml"));

    Decision forColleague = policy.decideSource(colleague, recordedByU1, "mental-health", NOW);

    assertThat(forColleague)
        .isInstanceOfSatisfying(
            Decision.Withhold.class,
            w -> assertThat(w.reasonCode()).isEqualTo("PERMISSION_TO_VIEW_REQUIRED"));
    assertThat(
            policy
                .decideSource(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT), recordedByU1, "mental-health", NOW)
                .permitted())
        .isTrue();
    assertThat(
            organisationWide
                .decideSource(colleague, recordedByU1, "mental-health", NOW)
                .permitted())
        .isTrue();
  }

  @Test
  void a_source_outside_the_agreement_shares_nothing() {
    Decision decision =
        policy.decideSource(
            doctor(Relationship.LAUNCHED_IN_CONTEXT), PatientConsent.none(), "acute", NOW);

    assertThat(decision)
        .isInstanceOfSatisfying(
            Decision.Withhold.class, w -> assertThat(w.reasonCode()).isEqualTo("NOT_IN_AGREEMENT"));
  }

  @Test
  void a_social_worker_sees_only_what_the_source_shares_with_councils_and_the_role_allows() {
    Viewer socialWorker =
        new Viewer(
            "u2", Role.SOCIAL_WORKER, "LA001", "local-authority", Relationship.LAUNCHED_IN_CONTEXT);

    assertThat(policy.sectionsFor(socialWorker, "gp"))
        .containsExactlyInAnyOrder(Section.ALERTS, Section.CARE_TEAM);
    assertThat(policy.decideSection(socialWorker, "gp", Section.MEDICATIONS).permitted()).isFalse();
  }

  @Test
  void sensitive_items_are_shown_only_to_listed_roles_and_never_on_a_self_claimed_relationship() {
    ProblemItem note = problem(Set.of(Sensitivity.MENTAL_HEALTH_NOTES));

    assertThat(policy.decideItem(doctor(Relationship.LAUNCHED_IN_CONTEXT), note).permitted())
        .isTrue();
    assertThat(policy.decideItem(doctor(Relationship.SELF_CLAIMED), note))
        .isInstanceOfSatisfying(
            Decision.Withhold.class, w -> assertThat(w.reasonCode()).isEqualTo("SENSITIVE_ITEM"));
    assertThat(
            policy
                .decideItem(
                    doctor(Relationship.LAUNCHED_IN_CONTEXT), problem(Set.of(Sensitivity.HIV)))
                .permitted())
        .isFalse();
  }

  @Test
  void a_self_claimed_relationship_is_flagged_for_ig_review() {
    Decision decision =
        policy.decideSource(doctor(Relationship.SELF_CLAIMED), PatientConsent.none(), "gp", NOW);

    assertThat(decision.permitted()).isTrue();
    assertThat(decision.obligations()).containsExactly(Obligation.FLAG_FOR_IG_REVIEW);
  }

  @Test
  void an_unlabelled_item_in_a_permitted_section_is_permitted() {
    AllergyItem allergy =
        new AllergyItem(
            Provenance.of("gp", "a1"),
            CodedConcept.snomed("91936005", "Allergy to penicillin"),
            AllergyItem.Status.ACTIVE,
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            Set.of());

    assertThat(policy.decideItem(doctor(Relationship.LAUNCHED_IN_CONTEXT), allergy).permitted())
        .isTrue();
  }

  static Viewer doctor(Relationship relationship) {
    return new Viewer("u1", Role.CLINICIAN, "Y03012", "out-of-hours", relationship);
  }

  static PatientConsent consent(List<Dissent> dissents, Optional<Instant> breakGlassUntil) {
    return new PatientConsent(dissents, List.of(), breakGlassUntil, false);
  }

  static PatientConsent withPermission(PatientConsent consent) {
    return new PatientConsent(
        consent.dissents(),
        List.of(new PatientConsent.PermissionToView("Y03012", "u1", NOW.plusSeconds(3600))),
        consent.breakGlassUntil(),
        consent.restricted());
  }

  static ProblemItem problem(Set<Sensitivity> labels) {
    return new ProblemItem(
        Provenance.of("mental-health", "p1"),
        CodedConcept.snomed("35489007", "Depressive disorder"),
        ProblemItem.Status.ACTIVE,
        ProblemItem.Significance.MAJOR,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        labels);
  }
}
