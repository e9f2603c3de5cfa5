package org.carelens.gateway.launch;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.carelens.policy.Role;

/**
 * One launching system the gateway trusts: the {@code iss} its tokens name, where its keys are, the
 * audience they must name, and the organisations and roles it may assert for its users. A token is
 * verified only with the keys of the issuer it names; an organisation or role outside this entry's
 * lists is refused even when everything else verifies.
 *
 * @param name the registry key, e.g. {@code out-of-hours}; for logs and the audit
 * @param issuer the exact {@code iss}
 * @param audience the {@code aud} its tokens must contain
 * @param keys the issuer's JWKS: a URL to fetch, or an inline set
 * @param odsCodes the organisations (ODS codes) it may assert
 * @param organisationTypes the organisation types it may assert
 * @param roles the role codes it may assert
 * @param kind what it issues: launch tokens, or ID tokens of users who sign in
 */
public record TrustedIssuer(
    String name,
    String issuer,
    String audience,
    Keys keys,
    Allowed odsCodes,
    Allowed organisationTypes,
    Allowed roles,
    Kind kind) {

  /** What a trusted issuer's tokens are. */
  public enum Kind {
    /**
     * A clinical system's signed launch tokens ({@code carelens-launch+jwt}), one per hand-over.
     */
    LAUNCH,
    /**
     * An OpenID Connect provider (NHS CIS2): ID tokens of users who sign in, for the portal's
     * client id ({@code audience}); their national role and organisation are mapped by the
     * agreement.
     */
    OIDC
  }

  /** A launching system. */
  public TrustedIssuer(
      String name,
      String issuer,
      String audience,
      Keys keys,
      Allowed odsCodes,
      Allowed organisationTypes,
      Allowed roles) {
    this(name, issuer, audience, keys, odsCodes, organisationTypes, roles, Kind.LAUNCH);
  }

  /** Where an issuer's keys come from. Never from the token itself (RFC 8725 section 3.10). */
  public sealed interface Keys {
    /** Fetched from this URL, cached, refetched (rate-limited) on an unknown {@code kid}. */
    record Url(URI url) implements Keys {
      public Url {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute()
            || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
          throw new IllegalArgumentException(
              "a JWKS URL must be an absolute http(s) URL, was '" + url + "'");
        }
      }

      @Override
      public String toString() {
        return url.toString();
      }
    }

    /** A JWK set given in configuration (JSON); only its public halves are ever used. */
    record Inline(String json) implements Keys {
      public Inline {
        Objects.requireNonNull(json, "json");
        if (json.isBlank()) {
          throw new IllegalArgumentException("an inline JWKS must not be blank");
        }
      }

      /** Never the JSON: a misconfigured set could hold private keys. */
      @Override
      public String toString() {
        return "inline JWKS";
      }
    }
  }

  /**
   * What an issuer may assert: any value ({@code "*"} in configuration), or exactly the values
   * listed. An empty list allows nothing, so an issuer configured without roles launches nobody.
   */
  public record Allowed(boolean any, Set<String> values) {

    public static final String ANY = "*";

    public Allowed {
      values = Set.copyOf(values);
    }

    /** From a configured list: {@code ["*"]} allows anything; a blank entry is refused. */
    public static Allowed of(Iterable<String> configured, String what) {
      Set<String> values = new LinkedHashSet<>();
      boolean any = false;
      for (String value : configured) {
        if (value == null || value.isBlank()) {
          throw new IllegalArgumentException(what + " must not contain a blank entry");
        }
        if (ANY.equals(value.strip())) {
          any = true;
        } else {
          values.add(value.strip());
        }
      }
      if (any && !values.isEmpty()) {
        throw new IllegalArgumentException(
            what + " is '*' (anything) and also lists " + values + "; give one or the other");
      }
      return new Allowed(any, values);
    }

    public static Allowed anything() {
      return new Allowed(true, Set.of());
    }

    public boolean permits(String value) {
      return any || values.contains(value);
    }

    @Override
    public String toString() {
      return any ? ANY : values.toString();
    }
  }

  public TrustedIssuer {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(odsCodes, "odsCodes");
    Objects.requireNonNull(organisationTypes, "organisationTypes");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(kind, "kind");
    if (issuer.isBlank() || audience.isBlank()) {
      throw new IllegalArgumentException(
          "trusted issuer '" + name + "': issuer and audience must not be blank");
    }
    for (String role : roles.values()) {
      if (Role.fromCode(role).isEmpty()) {
        throw new IllegalArgumentException(
            "trusted issuer '"
                + name
                + "': role '"
                + role
                + "' is not a Carelens role; known roles are "
                + java.util.Arrays.stream(Role.values()).map(Role::code).toList());
      }
    }
  }

  /** Whether this issuer may assert a user of organisation {@code ods} of type {@code type}. */
  public boolean mayAssertOrganisation(String ods, String type) {
    return odsCodes.permits(ods) && organisationTypes.permits(type);
  }

  public boolean mayAssertRole(Role role) {
    return roles.permits(role.code());
  }
}
