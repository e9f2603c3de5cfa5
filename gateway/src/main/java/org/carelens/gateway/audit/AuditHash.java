package org.carelens.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain's canonical encoding: a version tag, then every field of the entry in a fixed
 * order, each as {@code <length>:<value>} (or {@code ~} for absent), so no two different entries
 * encode alike and no separator inside a value can shift a field. The previous entry's hash is part
 * of the encoding, which is what makes the entries a chain.
 */
public final class AuditHash {

  /** The previous hash of the first entry. */
  public static final String GENESIS = "0".repeat(64);

  private static final String VERSION = "carelens-audit-v1";

  private AuditHash() {}

  /** The SHA-256 (lowercase hex) an entry with these fields must carry. */
  public static String of(AuditEntry entry) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical(entry).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must provide SHA-256", e);
    }
  }

  /** The canonical encoding; {@code entry.hash()} itself is not part of it. */
  public static String canonical(AuditEntry entry) {
    StringBuilder text = new StringBuilder(256 + entry.details().length());
    field(text, VERSION);
    field(text, Long.toString(entry.sequence()));
    field(text, entry.time().toString());
    field(text, entry.event());
    field(text, entry.outcome());
    field(text, entry.reasonCode());
    field(text, entry.userId());
    field(text, entry.userName());
    field(text, entry.role());
    field(text, entry.organisation());
    field(text, entry.patient());
    field(text, entry.device());
    field(text, entry.correlationId());
    field(text, entry.details());
    field(text, entry.previousHash());
    return text.toString();
  }

  private static void field(StringBuilder text, Optional<String> value) {
    if (value.isPresent()) {
      field(text, value.get());
    } else {
      text.append('~');
    }
  }

  private static void field(StringBuilder text, String value) {
    text.append(value.length()).append(':').append(value);
  }
}
