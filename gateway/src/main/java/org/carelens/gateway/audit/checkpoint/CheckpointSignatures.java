package org.carelens.gateway.audit.checkpoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;

/**
 * Signs and checks checkpoints as compact JWS (a JWT with typ {@value #TYPE}): claims {@code iss},
 * {@code iat}, {@code sequence} and {@code hash}. Only a JWS with that type, algorithm ES256, the
 * configured key's id and a valid signature by that key is accepted.
 */
public final class CheckpointSignatures {

  /** The JOSE header {@code typ}, so no other token signed with the key passes as a checkpoint. */
  public static final String TYPE = "carelens-audit-checkpoint+jwt";

  static final String ISSUER = "carelens-gateway";

  private CheckpointSignatures() {}

  /** A checkpoint's signature check: valid, or refused with the reason. */
  public sealed interface Checked {

    /** Signed by the configured key. */
    record Valid(Checkpoint checkpoint) implements Checked {}

    /**
     * Not accepted. The claimed fields come from the unverified payload and only say which record
     * was refused.
     */
    record Refused(Optional<Long> claimedSequence, Optional<Instant> claimedSignedAt, String why)
        implements Checked {}
  }

  /** The compact JWS of {@code checkpoint}, signed with {@code key}. */
  public static String sign(Checkpoint checkpoint, CheckpointKey key) {
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .issueTime(Date.from(checkpoint.signedAt()))
            .claim("sequence", checkpoint.sequence())
            .claim("hash", checkpoint.hash())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType(TYPE))
                .keyID(key.keyId())
                .build(),
            claims);
    try {
      jwt.sign(key.signer());
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign an audit checkpoint with " + key, e);
    }
    return jwt.serialize();
  }

  /** Whether {@code jws} is a checkpoint signed by {@code key}, and which one. */
  public static Checked check(String jws, CheckpointKey key) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(jws);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return new Checked.Refused(Optional.empty(), Optional.empty(), "not a signed JWT");
    }
    Optional<Long> sequence = longClaim(claims, "sequence");
    Optional<Instant> signedAt = Optional.ofNullable(claims.getIssueTime()).map(Date::toInstant);
    JWSHeader header = jwt.getHeader();
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      return new Checked.Refused(sequence, signedAt, "algorithm " + header.getAlgorithm());
    }
    if (header.getType() == null || !TYPE.equals(header.getType().getType())) {
      return new Checked.Refused(sequence, signedAt, "type " + header.getType() + ", not " + TYPE);
    }
    if (!key.keyId().equals(header.getKeyID())) {
      return new Checked.Refused(
          sequence,
          signedAt,
          "signed with key " + header.getKeyID() + ", not the configured key " + key.keyId());
    }
    try {
      if (!jwt.verify(key.verifier())) {
        return new Checked.Refused(sequence, signedAt, "signature does not verify");
      }
    } catch (JOSEException e) {
      return new Checked.Refused(
          sequence, signedAt, "signature does not verify: " + e.getMessage());
    }
    Object hash = claims.getClaim("hash");
    if (sequence.isEmpty() || signedAt.isEmpty() || !(hash instanceof String hashText)) {
      return new Checked.Refused(sequence, signedAt, "sequence, hash or iat missing");
    }
    try {
      return new Checked.Valid(new Checkpoint(sequence.get(), hashText, signedAt.get()));
    } catch (IllegalArgumentException e) {
      return new Checked.Refused(sequence, signedAt, e.getMessage());
    }
  }

  /** {@code instant} as a JWT {@code iat} keeps it: whole seconds. */
  static Instant toJwtPrecision(Instant instant) {
    return instant.truncatedTo(ChronoUnit.SECONDS);
  }

  private static Optional<Long> longClaim(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof Number n
        ? Optional.of(n.longValue())
        : Optional.empty();
  }
}
