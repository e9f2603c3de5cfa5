package org.carelens.policy.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.carelens.policy.Role;
import org.junit.jupiter.api.Test;

class SignInRulesLoaderTest {

  private static final String SIGN_IN =
      """
      signIn:
        nationalRoles:
          R8000: clinician
          R8003: pharmacist
        organisations:
          Y03012: {name: Carelens Out-of-Hours Service, type: out-of-hours}
          LA001: {name: Riverside Council, type: local-authority}
        searchRoles: [clinician, pharmacist]
      """;

  @Test
  void national_role_codes_map_to_carelens_roles_and_members_to_their_type() {
    SharingAgreement agreement =
        AgreementLoader.parse(AgreementLoaderTest.VALID + SIGN_IN, "a.yml");

    SignInRules signIn = agreement.signIn();
    assertThat(signIn.role("R8003")).contains(Role.PHARMACIST);
    assertThat(signIn.organisation("LA001"))
        .contains(new SignInRules.Member("Riverside Council", "local-authority"));
    assertThat(signIn.searchRoles()).containsExactlyInAnyOrder(Role.CLINICIAN, Role.PHARMACIST);
  }

  @Test
  void an_unmapped_role_code_or_organisation_is_not_recognised() {
    SignInRules signIn =
        AgreementLoader.parse(AgreementLoaderTest.VALID + SIGN_IN, "a.yml").signIn();

    assertThat(signIn.role("R0001")).isEmpty();
    assertThat(signIn.organisation("ZZ999")).isEmpty();
  }

  @Test
  void an_agreement_without_the_section_lets_nobody_sign_in() {
    SignInRules signIn = AgreementLoader.parse(AgreementLoaderTest.VALID, "a.yml").signIn();

    assertThat(signIn.nationalRoles()).isEmpty();
    assertThat(signIn.organisations()).isEmpty();
  }

  @Test
  void a_code_that_is_not_a_national_role_code_is_refused_with_its_line() {
    String yaml = AgreementLoaderTest.VALID + "signIn:\n  nationalRoles:\n    doctor: clinician\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("a.yml")
        .hasMessageContaining("'doctor' is not a national RBAC job role code");
  }

  @Test
  void a_mapping_to_an_unknown_role_is_refused() {
    String yaml = AgreementLoaderTest.VALID + "signIn:\n  nationalRoles:\n    R8000: surgeon\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("signIn.nationalRoles.R8000: unknown role 'surgeon'");
  }

  @Test
  void a_member_of_a_type_the_agreement_does_not_know_is_refused() {
    String yaml =
        AgreementLoaderTest.VALID
            + "signIn:\n  organisations:\n    FA123: {name: Pharmacy, type: community-pharmacy}\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining(
            "signIn.organisations.FA123.type: 'community-pharmacy' is not one of");
  }

  @Test
  void an_unknown_key_in_the_section_is_refused() {
    String yaml = AgreementLoaderTest.VALID + "signIn:\n  roles: {R8000: clinician}\n";

    assertThatThrownBy(() -> AgreementLoader.parse(yaml, "a.yml"))
        .isInstanceOf(AgreementException.class)
        .hasMessageContaining("signIn: unknown key 'roles'");
  }
}
