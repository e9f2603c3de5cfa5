package org.carelens.policy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.carelens.policy.Role;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.junit.jupiter.api.Test;

public class AgreementLoaderTest {

  public static final String VALID =
      """
      agreement: riverside-shared-care
      version: 3
      effective: 2026-11-01
      organisationTypes: [out-of-hours, acute-trust, local-authority]
      sources:
        gp:
          shareIn: implied
          shares:
            - viewers: [out-of-hours, acute-trust]
              sections: all
            - viewers: [local-authority]
              sections: [alerts, careTeam]
        mental-health:
          shareIn: explicit
          shares:
            - viewers: [out-of-hours]
              sections: [alerts, careTeam, problems]
      roles:
        clinician: all
        social-worker: [alerts, careTeam, socialCare]
      sensitive:
        mental-health-notes: [clinician]
      breakGlass:
        overridesDissent: false
        duration: 4h
        reasons: [Patient unconscious or unable to consent]
      """;

  @Test
  void a_valid_agreement_is_read_completely() {
    SharingAgreement agreement = AgreementLoader.parse(VALID, "riverside.yml");

    assertThat(agreement.id()).isEqualTo("riverside-shared-care");
    assertThat(agreement.version()).isEqualTo(3);
    assertThat(agreement.effective()).contains(LocalDate.of(2026, 11, 1));
    assertThat(agreement.source("gp").orElseThrow().sectionsFor("local-authority"))
        .containsExactlyInAnyOrder(Section.ALERTS, Section.CARE_TEAM);
    assertThat(agreement.source("gp").orElseThrow().sectionsFor("acute-trust"))
        .hasSize(Section.values().length);
    assertThat(agreement.source("mental-health").orElseThrow().shareIn())
        .isEqualTo(ShareIn.EXPLICIT);
    assertThat(agreement.roles().permittedSections(Role.SOCIAL_WORKER))
        .containsExactlyInAnyOrder(Section.ALERTS, Section.CARE_TEAM, Section.SOCIAL_CARE);
    assertThat(agreement.roles().permittedSections(Role.PHARMACIST)).isEmpty();
    assertThat(agreement.sensitive())
        .containsEntry(Sensitivity.MENTAL_HEALTH_NOTES, Set.of(Role.CLINICIAN));
    assertThat(agreement.breakGlass().duration()).isEqualTo(Duration.ofHours(4));
    assertThat(agreement.breakGlass().overridesDissent()).isFalse();
  }

  @Test
  void access_rules_default_to_clinicians_ten_a_day_and_a_user_bound_day_long_permission() {
    SharingAgreement agreement = AgreementLoader.parse(VALID, "riverside.yml");

    assertThat(agreement.selfClaim().roles()).containsExactly(Role.CLINICIAN);
    assertThat(agreement.selfClaim().dailyCap()).isEqualTo(10);
    assertThat(agreement.selfClaim().reasons()).containsKey("covering-colleague");
    assertThat(agreement.breakGlass().roles()).containsExactly(Role.CLINICIAN);
    assertThat(agreement.breakGlass().dailyCap()).isEqualTo(10);
    assertThat(agreement.permissionToView().maxDuration()).isEqualTo(Duration.ofHours(24));
    assertThat(agreement.permissionToView().scope()).isEqualTo(PermissionToViewRules.Scope.USER);
    assertThat(agreement.permissionToView().roles())
        .containsExactlyInAnyOrder(Role.CLINICIAN, Role.PHARMACIST, Role.SOCIAL_WORKER);
  }

  @Test
  void access_rules_are_read_from_the_agreement() {
    String yaml =
        VALID.replace(
                "duration: 4h\n", "duration: 4h\n  roles: [clinician, pharmacist]\n  dailyCap: 3\n")
            + """
            selfClaim:
              roles: [clinician, social-worker]
              dailyCap: 5
              reasons:
                ward-round: Covering the ward round
            permissionToView:
              roles: [clinician]
              maxDuration: 8h
              scope: organisation
            """;

    SharingAgreement agreement = AgreementLoader.parse(yaml, "riverside.yml");

    assertThat(agreement.breakGlass().roles())
        .containsExactlyInAnyOrder(Role.CLINICIAN, Role.PHARMACIST);
    assertThat(agreement.breakGlass().dailyCap()).isEqualTo(3);
    assertThat(agreement.selfClaim().roles())
        .containsExactlyInAnyOrder(Role.CLINICIAN, Role.SOCIAL_WORKER);
    assertThat(agreement.selfClaim().dailyCap()).isEqualTo(5);
    assertThat(agreement.selfClaim().reasons())
        .containsExactly(java.util.Map.entry("ward-round", "Covering the ward round"));
    assertThat(agreement.permissionToView().roles()).containsExactly(Role.CLINICIAN);
    assertThat(agreement.permissionToView().maxDuration()).isEqualTo(Duration.ofHours(8));
    assertThat(agreement.permissionToView().scope())
        .isEqualTo(PermissionToViewRules.Scope.ORGANISATION);
  }

  @Test
  void no_role_audits_the_whole_federation_unless_the_agreement_names_it() {
    SharingAgreement unnamed = AgreementLoader.parse(VALID, "riverside.yml");
    SharingAgreement named =
        AgreementLoader.parse(VALID + "audit:\n  federationRoles: [federation-ig]\n", "r.yml");

    assertThat(unnamed.audit().seesWholeFederation(Role.FEDERATION_IG)).isFalse();
    assertThat(unnamed.audit().seesWholeFederation(Role.IG_OFFICER)).isFalse();
    assertThat(named.audit().seesWholeFederation(Role.FEDERATION_IG)).isTrue();
    assertThat(named.audit().seesWholeFederation(Role.IG_OFFICER)).isFalse();
    assertThat(named.audit().isIgRole(Role.IG_OFFICER)).isTrue();
    assertThat(named.audit().isIgRole(Role.CLINICIAN)).isFalse();
  }

  @Test
  void a_clinical_role_may_not_be_given_the_whole_federations_audit() {
    String yaml = VALID + "audit:\n  federationRoles: [clinician]\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "riverside.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("audit.federationRoles: only ig-officer or federation-ig");
  }

  @Test
  void a_permission_lasting_a_year_is_refused() {
    String yaml = VALID + "permissionToView:\n  maxDuration: 365d\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "riverside.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining(
            "permissionToView.maxDuration: must be more than zero and at most 7d");
  }

  @Test
  void a_self_claim_by_an_unknown_role_or_with_no_cap_is_refused() {
    String unknownRole = VALID + "selfClaim:\n  roles: [surgeon]\n";
    String zeroCap = VALID + "selfClaim:\n  dailyCap: 0\n";

    assertThatThrownBy(() -> AgreementLoader.parse(unknownRole, "riverside.yml"))
        .hasMessageContaining("selfClaim.roles: unknown role 'surgeon'");
    assertThatThrownBy(() -> AgreementLoader.parse(zeroCap, "riverside.yml"))
        .hasMessageContaining("selfClaim.dailyCap: must be 1 or more");
  }

  @Test
  void an_unknown_section_is_refused_with_file_line_and_problem() {
    String yaml = VALID.replace("sections: [alerts, careTeam]", "sections: [alerts, meds]");

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "riverside.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageStartingWith(
            "riverside.yml line 12: sources.gp.shares[1].sections: unknown section 'meds'");
  }

  @Test
  void a_misspelt_key_is_refused_rather_than_ignored() {
    String yaml = VALID.replace("    shareIn: implied", "    shareln: implied");

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("line 7: sources.gp: unknown key 'shareln'");
  }

  @Test
  void a_viewer_type_not_declared_in_the_agreement_is_refused() {
    String yaml = VALID.replace("viewers: [local-authority]", "viewers: [hospice]");

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .hasMessageContaining(
            "line 11: sources.gp.shares[1].viewers: 'hospice' is not one of the organisationTypes");
  }

  @Test
  void an_unknown_role_or_sensitivity_label_is_refused() {
    assertThatThrownBy(
            () -> AgreementLoader.parse(VALID.replace("  social-worker:", "  porter:"), "a.yml"))
        .hasMessageContaining("roles: unknown role 'porter'");
    assertThatThrownBy(
            () -> AgreementLoader.parse(VALID.replace("mental-health-notes:", "gossip:"), "a.yml"))
        .hasMessageContaining("sensitive: unknown label 'gossip'");
  }

  @Test
  void broken_yaml_is_refused_with_its_line() {
    String yaml = VALID.replace("version: 3", "version: [3");

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("a.yml line")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void missing_required_keys_and_bad_values_are_named() {
    assertThatThrownBy(() -> AgreementLoader.parse(VALID.replace("version: 3\n", ""), "a.yml"))
        .hasMessageContaining("'version' is required");
    assertThatThrownBy(
            () -> AgreementLoader.parse(VALID.replace("version: 3", "version: three"), "a.yml"))
        .hasMessageContaining("line 2: version: expected a whole number, was 'three'");
    assertThatThrownBy(
            () ->
                AgreementLoader.parse(VALID.replace("duration: 4h", "duration: forever"), "a.yml"))
        .hasMessageContaining("breakGlass.duration: expected a duration like 4h");
    assertThatThrownBy(
            () ->
                AgreementLoader.parse(
                    VALID.replace("shareIn: explicit", "shareIn: maybe"), "a.yml"))
        .hasMessageContaining("expected one of [implied, explicit], was 'maybe'");
    assertThatThrownBy(() -> AgreementLoader.parse("", "a.yml"))
        .hasMessage("a.yml line 1: the agreement is empty");
  }

  @Test
  void duplicate_keys_are_refused() {
    String yaml = VALID.replace("version: 3", "version: 3\nversion: 4");

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class);
  }
}
