package org.carelens.gateway;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Mints launch tokens the way a trusted clinical system does, with hooks to break them one way at a
 * time. The claim set mirrors the simulated launcher's.
 */
public final class TestLaunchTokens {

  public static final String ISSUER = "http://launcher.test";
  public static final String AUDIENCE = "carelens-gateway";

  private final RSAKey key;

  public TestLaunchTokens() {
    try {
      key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public RSAKey key() {
    return key;
  }

  public String jwksJson() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  public JWTClaimsSet.Builder claims(String role, String nhsNumber) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("555000111222")
        .audience(AUDIENCE)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .jwtID(UUID.randomUUID().toString())
        .claim("reason_for_request", "directcare")
        .claim("requested_scope", "patient/*.read")
        .claim(
            "requested_record",
            Map.of(
                "resourceType",
                "Patient",
                "identifier",
                List.of(Map.of("system", "https://fhir.nhs.uk/Id/nhs-number", "value", nhsNumber))))
        .claim(
            "requesting_practitioner",
            Map.of(
                "resourceType",
                "Practitioner",
                "id",
                "555000111222",
                "identifier",
                List.of(
                    Map.of(
                        "system", "https://fhir.nhs.uk/Id/sds-user-id", "value", "555000111222")),
                "name",
                List.of(
                    Map.of("family", "Khan", "given", List.of("Amira"), "prefix", List.of("Dr"))),
                "role",
                role))
        .claim(
            "requesting_organization",
            Map.of(
                "resourceType",
                "Organization",
                "identifier",
                List.of(
                    Map.of(
                        "system",
                        "https://fhir.nhs.uk/Id/ods-organization-code",
                        "value",
                        "Y03012")),
                "name",
                "Carelens Out-of-Hours Service",
                "type",
                "out-of-hours"))
        .claim(
            "requesting_device",
            Map.of(
                "resourceType",
                "Device",
                "identifier",
                List.of(Map.of("system", "https://carelens.org/Id/device", "value", "test")),
                "model",
                "test",
                "version",
                "1"));
  }

  public String token(String role, String nhsNumber) {
    return sign(claims(role, nhsNumber).build());
  }

  public String token(String role, String nhsNumber, UnaryOperator<JWTClaimsSet.Builder> change) {
    return sign(change.apply(claims(role, nhsNumber)).build());
  }

  public String sign(JWTClaimsSet claims) {
    return sign(claims, key);
  }

  public String sign(JWTClaimsSet claims, RSAKey signingKey) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType("carelens-launch+jwt"))
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(signingKey));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
