package org.carelens.simulators.launcher;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.carelens.sdk.model.NhsNumber;

/**
 * Signs one launching system's tokens with a key pair generated when it is created; the private key
 * never leaves the instance, and each system has its own. Claims follow GP Connect's consumer JWT
 * (iss, sub, aud, iat, nbf, exp, jti, reason_for_request, requested_scope, requested_record,
 * requesting_practitioner, requesting_organization, requesting_device). Thread-safe.
 */
final class LaunchTokenIssuer {

  /**
   * The JOSE {@code typ} that tells the gateway this is a Carelens launch token (RFC 8725 3.11).
   */
  static final String TOKEN_TYPE = "carelens-launch+jwt";

  static final Duration LIFETIME = Duration.ofMinutes(5);

  private final RSAKey key;
  private final RSASSASigner signer;
  private final String issuer;
  private final String audience;
  private final LaunchingSystem system;
  private final Clock clock;

  LaunchTokenIssuer(LaunchingSystem system, LauncherConfig config, Clock clock) {
    this.system = system;
    this.issuer = system.issuer(config);
    this.audience = config.audience();
    this.clock = clock;
    try {
      this.key =
          new RSAKeyGenerator(2048)
              .keyID(UUID.randomUUID().toString())
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .generate();
      this.signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "could not generate the RSA signing key of " + system.id(), e);
    }
  }

  /** The public key set, as served at {@link LaunchingSystem#jwksPath()}. */
  String publicJwkSetJson() {
    return new JWKSet(key.toPublicJWK()).toString(true);
  }

  String keyId() {
    return key.getKeyID();
  }

  String issuer() {
    return issuer;
  }

  LaunchingSystem system() {
    return system;
  }

  String mint(Persona persona, NhsNumber nhsNumber, Consumer<JWTClaimsSet.Builder> overrides) {
    // JWT times are whole seconds; truncate first so exp - iat is exactly the lifetime.
    Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(persona.userId())
            .audience(audience)
            .issueTime(Date.from(issuedAt))
            .notBeforeTime(Date.from(issuedAt))
            .expirationTime(Date.from(issuedAt.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .claim("reason_for_request", "directcare")
            .claim("requested_scope", "patient/*.read")
            .claim("requested_record", requestedRecord(nhsNumber))
            .claim("requesting_practitioner", practitioner(persona))
            .claim("requesting_organization", organization(persona.organisation()))
            .claim("requesting_device", device(system));
    overrides.accept(claims);
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .keyID(key.getKeyID())
            .type(new JOSEObjectType(TOKEN_TYPE))
            .build();
    SignedJWT jwt = new SignedJWT(header, claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a launch token for " + persona.id(), e);
    }
    return jwt.serialize();
  }

  private static Map<String, Object> requestedRecord(NhsNumber nhsNumber) {
    Map<String, Object> patient = new LinkedHashMap<>();
    patient.put("resourceType", "Patient");
    patient.put(
        "identifier", List.of(identifier("https://fhir.nhs.uk/Id/nhs-number", nhsNumber.value())));
    return patient;
  }

  private static Map<String, Object> practitioner(Persona persona) {
    Map<String, Object> name = new LinkedHashMap<>();
    name.put("family", persona.family());
    name.put("given", List.of(persona.given()));
    name.put("prefix", List.of(persona.title()));
    Map<String, Object> practitioner = new LinkedHashMap<>();
    practitioner.put("resourceType", "Practitioner");
    practitioner.put("id", persona.userId());
    practitioner.put(
        "identifier",
        List.of(
            identifier("https://fhir.nhs.uk/Id/sds-user-id", persona.userId()),
            identifier("https://fhir.nhs.uk/Id/sds-role-profile-id", persona.roleProfileId())));
    practitioner.put("name", List.of(name));
    // Not in GP Connect's Practitioner: Carelens carries the viewer's role code here.
    practitioner.put("role", persona.role());
    return practitioner;
  }

  private static Map<String, Object> organization(Persona.Organisation organisation) {
    Map<String, Object> organization = new LinkedHashMap<>();
    organization.put("resourceType", "Organization");
    organization.put(
        "identifier",
        List.of(
            identifier("https://fhir.nhs.uk/Id/ods-organization-code", organisation.odsCode())));
    organization.put("name", organisation.name());
    organization.put("type", organisation.type());
    return organization;
  }

  private static Map<String, Object> device(LaunchingSystem system) {
    Map<String, Object> device = new LinkedHashMap<>();
    device.put("resourceType", "Device");
    device.put(
        "identifier", List.of(identifier("https://carelens.org/Id/device", system.deviceId())));
    device.put("model", system.deviceModel());
    device.put("version", "0.1");
    return device;
  }

  private static Map<String, Object> identifier(String system, String value) {
    Map<String, Object> identifier = new LinkedHashMap<>();
    identifier.put("system", system);
    identifier.put("value", value);
    return identifier;
  }
}
