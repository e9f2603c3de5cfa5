package org.carelens.gateway.audit.checkpoint;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;

/**
 * The key that signs checkpoints (ES256, an EC P-256 key as a JWK), kept outside the database. Its
 * key id is the JWK thumbprint (RFC 7638), so a checkpoint names the key that signed it.
 *
 * <p>A key file holding only the public JWK is enough to verify: an auditor need not hold the
 * private key. Immutable and thread-safe.
 */
public final class CheckpointKey {

  private final ECKey key;

  private CheckpointKey(ECKey key) {
    if (!Curve.P_256.equals(key.getCurve())) {
      throw new IllegalArgumentException(
          "A checkpoint key must be an EC P-256 key (ES256), was curve " + key.getCurve());
    }
    this.key = key;
  }

  /** A new random key, kept only in memory. */
  public static CheckpointKey generate() {
    try {
      return new CheckpointKey(
          new ECKeyGenerator(Curve.P_256).keyIDFromThumbprint(true).generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("Every Java platform must generate EC P-256 keys", e);
    }
  }

  /**
   * Reads the JWK in {@code file}.
   *
   * @throws IOException if the file is missing, unreadable or not an EC P-256 JWK
   */
  public static CheckpointKey load(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IOException(
          "Cannot read the audit checkpoint key file " + file.toAbsolutePath(), e);
    }
    try {
      JWK jwk = JWK.parse(text);
      if (!(jwk instanceof ECKey ec)) {
        throw new IOException(
            "The audit checkpoint key file "
                + file.toAbsolutePath()
                + " holds a "
                + jwk.getKeyType()
                + " key; ES256 needs an EC P-256 key");
      }
      return new CheckpointKey(ec.getKeyID() == null ? withThumbprintId(ec) : ec);
    } catch (ParseException | IllegalArgumentException e) {
      throw new IOException(
          "The audit checkpoint key file " + file.toAbsolutePath() + " is not a valid JWK", e);
    }
  }

  /**
   * Reads the JWK in {@code file}, first writing a new key there if there is none (the demo; a real
   * deployment supplies the file from its secret store and turns generation off). The new file is
   * readable by its owner only where the file system supports POSIX permissions.
   */
  public static CheckpointKey loadOrCreate(Path file) throws IOException {
    if (!Files.exists(file)) {
      CheckpointKey created = generate();
      Path absolute = file.toAbsolutePath();
      Path directory = absolute.getParent();
      Files.createDirectories(directory);
      Path temporary = Files.createTempFile(directory, ".audit-checkpoint-key", ".tmp");
      try {
        restrictToOwner(temporary);
        Files.writeString(temporary, created.key.toJSONString(), StandardCharsets.UTF_8);
        // Never replaces: if another process created the key meanwhile, that key stays and is used.
        Files.move(temporary, absolute);
      } catch (FileAlreadyExistsException e) {
        // Lost the race; read the winner's key below.
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
    return load(file);
  }

  public String keyId() {
    return key.getKeyID();
  }

  /** True when this holds the private key, so it can sign. */
  public boolean canSign() {
    return key.isPrivate();
  }

  /** The public JWK (JSON), to hand to an auditor who verifies without the private key. */
  public String publicJwk() {
    return key.toPublicJWK().toJSONString();
  }

  /** The same key without its private part. */
  public CheckpointKey publicOnly() {
    return new CheckpointKey(key.toPublicJWK());
  }

  JWSSigner signer() throws JOSEException {
    if (!canSign()) {
      throw new JOSEException(
          "The audit checkpoint key " + keyId() + " is public only and cannot sign checkpoints");
    }
    return new ECDSASigner(key);
  }

  JWSVerifier verifier() throws JOSEException {
    return new ECDSAVerifier(key.toPublicJWK());
  }

  private static ECKey withThumbprintId(ECKey key) {
    try {
      return new ECKey.Builder(key).keyIDFromThumbprint().build();
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Cannot compute the key's thumbprint", e);
    }
  }

  private static void restrictToOwner(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the deployment's own file permissions apply.
    }
  }

  @Override
  public String toString() {
    return "checkpoint key " + keyId() + (canSign() ? " (private)" : " (public only)");
  }
}
