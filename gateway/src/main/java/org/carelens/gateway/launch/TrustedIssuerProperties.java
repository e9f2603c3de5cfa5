package org.carelens.gateway.launch;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the registry of trusted launching systems, {@code carelens.launch.issuers.<name>}.
 * Each names its {@code issuer}, its keys ({@code jwks-url}, or an inline {@code jwks}), the {@code
 * audience} its tokens must name, and what it may assert: {@code ods-codes}, {@code
 * organisation-types} and {@code roles}, each a list, or {@code "*"} for anything. A list left out
 * allows nothing: an entry must say what it may assert.
 *
 * <p>{@code kind} is {@code launch} (the default: a clinical system's launch tokens) or {@code
 * oidc}: an OpenID Connect provider such as NHS CIS2 whose ID tokens open sessions for users who
 * sign in; its {@code audience} is the portal's client id, and the sharing agreement's {@code
 * signIn} section maps its users' national roles and organisations.
 */
@EachProperty("carelens.launch.issuers")
public class TrustedIssuerProperties {

  private final String name;
  private @Nullable String issuer;
  private String audience = "carelens-gateway";
  private @Nullable String jwksUrl;
  private @Nullable String jwks;
  private List<String> odsCodes = List.of();
  private List<String> organisationTypes = List.of();
  private List<String> roles = List.of();
  private String kind = "launch";

  public TrustedIssuerProperties(@Parameter String name) {
    this.name = name;
  }

  public String getName() {
    return name;
  }

  public @Nullable String getIssuer() {
    return issuer;
  }

  public void setIssuer(@Nullable String issuer) {
    this.issuer = issuer;
  }

  public String getAudience() {
    return audience;
  }

  public void setAudience(String audience) {
    this.audience = audience;
  }

  public @Nullable String getJwksUrl() {
    return jwksUrl;
  }

  public void setJwksUrl(@Nullable String jwksUrl) {
    this.jwksUrl = jwksUrl;
  }

  public @Nullable String getJwks() {
    return jwks;
  }

  public void setJwks(@Nullable String jwks) {
    this.jwks = jwks;
  }

  public List<String> getOdsCodes() {
    return odsCodes;
  }

  public void setOdsCodes(List<String> odsCodes) {
    this.odsCodes = List.copyOf(odsCodes);
  }

  public List<String> getOrganisationTypes() {
    return organisationTypes;
  }

  public void setOrganisationTypes(List<String> organisationTypes) {
    this.organisationTypes = List.copyOf(organisationTypes);
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public List<String> getRoles() {
    return roles;
  }

  public void setRoles(List<String> roles) {
    this.roles = List.copyOf(roles);
  }

  /**
   * The validated entry.
   *
   * @throws IllegalStateException naming the property that is missing or wrong
   */
  TrustedIssuer toTrustedIssuer() {
    String prefix = "carelens.launch.issuers." + name;
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException(prefix + ".issuer is required (the tokens' iss)");
    }
    try {
      return new TrustedIssuer(
          name,
          issuer,
          audience,
          keys(prefix, jwksUrl, jwks),
          TrustedIssuer.Allowed.of(odsCodes, prefix + ".ods-codes"),
          TrustedIssuer.Allowed.of(organisationTypes, prefix + ".organisation-types"),
          TrustedIssuer.Allowed.of(roles, prefix + ".roles"),
          kind(prefix));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(prefix + ": " + e.getMessage(), e);
    }
  }

  private TrustedIssuer.Kind kind(String prefix) {
    return switch (kind.strip()) {
      case "launch" -> TrustedIssuer.Kind.LAUNCH;
      case "oidc" -> TrustedIssuer.Kind.OIDC;
      default ->
          throw new IllegalStateException(
              prefix + ".kind must be launch or oidc, was '" + kind + "'");
    };
  }

  static TrustedIssuer.Keys keys(String prefix, @Nullable String jwksUrl, @Nullable String jwks) {
    boolean hasUrl = jwksUrl != null && !jwksUrl.isBlank();
    boolean hasInline = jwks != null && !jwks.isBlank();
    if (hasUrl == hasInline) {
      throw new IllegalStateException(
          prefix + " needs exactly one of jwks-url and jwks (an inline JWK set)");
    }
    if (hasInline) {
      return new TrustedIssuer.Keys.Inline(jwks);
    }
    try {
      return new TrustedIssuer.Keys.Url(URI.create(jwksUrl));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          prefix + ".jwks-url is not a valid URL: '" + jwksUrl + "' (" + e.getMessage() + ")", e);
    }
  }
}
