package org.carelens.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The benchmark's launching system: its own RS256 key, its JWKS served on localhost, and launch
 * tokens with the claim set the simulated out-of-hours system sends (a clinician at Y03012). Each
 * token has its own {@code jti}, as the gateway accepts each one once.
 */
final class LaunchTokens implements AutoCloseable {

  static final String AUDIENCE = "carelens-gateway";
  static final String ODS = "Y03012";
  static final String ORGANISATION_TYPE = "out-of-hours";

  private final RSAKey key;
  private final RSASSASigner signer;
  private final HttpServer server;

  LaunchTokens() throws IOException {
    try {
      key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).generate();
      signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot create the bench launcher's key", e);
    }
    byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext(
        "/jwks.json",
        exchange -> {
          try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(jwks);
            }
          }
        });
    server.start();
  }

  String issuer() {
    return "http://localhost:" + server.getAddress().getPort() + "/bench-launcher";
  }

  String jwksUrl() {
    return "http://localhost:" + server.getAddress().getPort() + "/jwks.json";
  }

  /** A launch token for a clinician viewing {@code nhsNumber}, valid for ten minutes. */
  String token(String nhsNumber) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .subject("555000111222")
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
            .jwtID(UUID.randomUUID().toString())
            .claim("reason_for_request", "directcare")
            .claim("requested_scope", "patient/*.read")
            .claim(
                "requested_record",
                Map.of(
                    "resourceType",
                    "Patient",
                    "identifier",
                    List.of(
                        Map.of("system", "https://fhir.nhs.uk/Id/nhs-number", "value", nhsNumber))))
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
                            "system",
                            "https://fhir.nhs.uk/Id/sds-user-id",
                            "value",
                            "555000111222")),
                    "name",
                    List.of(
                        Map.of(
                            "family", "Khan", "given", List.of("Amira"), "prefix", List.of("Dr"))),
                    "role",
                    "clinician"))
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
                            ODS)),
                    "name",
                    "Carelens Out-of-Hours Service",
                    "type",
                    ORGANISATION_TYPE))
            .claim(
                "requesting_device",
                Map.of(
                    "resourceType",
                    "Device",
                    "identifier",
                    List.of(Map.of("system", "https://carelens.org/Id/device", "value", "bench")),
                    "model",
                    "carelens-bench",
                    "version",
                    "1"))
            .build();
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(key.getKeyID())
                  .type(new JOSEObjectType("carelens-launch+jwt"))
                  .build(),
              claims);
      jwt.sign(signer);
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a launch token", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
