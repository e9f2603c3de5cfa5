package org.carelens.gateway.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry of trusted launching systems: how it is configured and what it refuses. */
class TrustedIssuersTest {

  static final TrustedIssuer.Keys KEYS =
      new TrustedIssuer.Keys.Url(URI.create("http://localhost:1/jwks.json"));

  @Test
  void the_demo_configuration_trusts_two_launching_systems_and_the_sign_in_provider() {
    try (ApplicationContext context = ApplicationContext.run(Map.of(), "test")) {

      List<TrustedIssuer> issuers = context.getBean(TrustedIssuers.class).all();

      assertThat(issuers)
          .extracting(TrustedIssuer::name, TrustedIssuer::issuer, TrustedIssuer::kind)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(
                  "community-pharmacy",
                  "http://localhost:8090/pharmacy-system",
                  TrustedIssuer.Kind.LAUNCH),
              org.assertj.core.groups.Tuple.tuple(
                  "out-of-hours", "http://localhost:8090", TrustedIssuer.Kind.LAUNCH),
              org.assertj.core.groups.Tuple.tuple(
                  "cis2", "http://localhost:8090", TrustedIssuer.Kind.OIDC));
      TrustedIssuer cis2 = issuers.stream().filter(i -> i.name().equals("cis2")).findFirst().get();
      assertThat(cis2.audience()).isEqualTo("carelens-portal");
      assertThat(cis2.keys())
          .isEqualTo(
              new TrustedIssuer.Keys.Url(URI.create("http://localhost:8090/oidc/jwks.json")));
      TrustedIssuer pharmacy =
          issuers.stream().filter(i -> i.name().equals("community-pharmacy")).findFirst().get();
      assertThat(pharmacy.keys())
          .isEqualTo(
              new TrustedIssuer.Keys.Url(
                  URI.create("http://localhost:8090/pharmacy-system/.well-known/jwks.json")));
      assertThat(pharmacy.mayAssertOrganisation("FA123", "community-pharmacy")).isTrue();
      assertThat(pharmacy.mayAssertOrganisation("Y03012", "out-of-hours")).isFalse();
      assertThat(pharmacy.roles().values()).containsExactly("pharmacist");
    }
  }

  @Test
  void the_single_issuer_shorthand_adds_one_entry_that_may_assert_anything() {
    LaunchProperties settings = new LaunchProperties();
    settings.setIssuer("http://launcher.test");
    settings.setJwksUrl("http://launcher.test/jwks.json");

    TrustedIssuers registry =
        new TrustedIssuers(List.<TrustedIssuerProperties>of(), settings, Clock.systemUTC());

    assertThat(registry.all())
        .singleElement()
        .satisfies(
            issuer -> {
              assertThat(issuer.name()).isEqualTo(LaunchProperties.SINGLE_ISSUER_NAME);
              assertThat(issuer.mayAssertOrganisation("ANY01", "any-type")).isTrue();
              assertThat(issuer.roles().any()).isTrue();
            });
  }

  @Test
  void two_entries_naming_the_same_iss_stop_start_up() {
    List<TrustedIssuer> twice =
        List.of(issuer("first", "http://a.test"), issuer("second", "http://a.test"));

    assertThatThrownBy(() -> TrustedIssuers.of(twice, new LaunchProperties(), Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'first' and 'second' both name iss 'http://a.test'");
  }

  @Test
  void an_empty_registry_stops_start_up() {
    LaunchProperties noShorthand = new LaunchProperties();

    assertThatThrownBy(() -> TrustedIssuers.of(List.of(), noShorthand, Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("carelens.launch.issuers");
  }

  @Test
  void an_entry_without_keys_names_the_property() {
    TrustedIssuerProperties entry = new TrustedIssuerProperties("gp-system");
    entry.setIssuer("http://gp.test");
    entry.setRoles(List.of("clinician"));

    assertThatThrownBy(entry::toTrustedIssuer)
        .hasMessageContaining(
            "carelens.launch.issuers.gp-system needs exactly one of jwks-url and jwks");
  }

  @Test
  void an_entry_naming_a_role_carelens_does_not_know_is_refused() {
    TrustedIssuerProperties entry = new TrustedIssuerProperties("gp-system");
    entry.setIssuer("http://gp.test");
    entry.setJwksUrl("http://gp.test/jwks.json");
    entry.setRoles(List.of("superuser"));

    assertThatThrownBy(entry::toTrustedIssuer)
        .hasMessageContaining("carelens.launch.issuers.gp-system")
        .hasMessageContaining("role 'superuser' is not a Carelens role");
  }

  @Test
  void an_entry_that_lists_no_roles_may_assert_none() {
    TrustedIssuerProperties entry = new TrustedIssuerProperties("gp-system");
    entry.setIssuer("http://gp.test");
    entry.setJwksUrl("http://gp.test/jwks.json");

    TrustedIssuer issuer = entry.toTrustedIssuer();

    assertThat(issuer.mayAssertRole(org.carelens.policy.Role.CLINICIAN)).isFalse();
  }

  @Test
  void a_wildcard_mixed_with_values_is_refused_as_ambiguous() {
    List<String> mixed = List.of("*", "clinician");

    assertThatThrownBy(() -> TrustedIssuer.Allowed.of(mixed, "roles"))
        .hasMessageContaining("roles is '*' (anything) and also lists [clinician]");
  }

  private static TrustedIssuer issuer(String name, String iss) {
    return new TrustedIssuer(
        name,
        iss,
        "carelens-gateway",
        KEYS,
        TrustedIssuer.Allowed.anything(),
        TrustedIssuer.Allowed.anything(),
        TrustedIssuer.Allowed.anything());
  }
}
