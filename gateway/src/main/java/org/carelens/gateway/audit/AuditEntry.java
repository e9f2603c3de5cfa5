package org.carelens.gateway.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed audit entry exactly as stored. Types are kept as strings so that entries written by
 * any gateway version read back and verify unchanged.
 *
 * @param details the canonical JSON of the event's details
 * @param previousHash the {@link #hash} of entry {@code sequence - 1}, or 64 zeros for the first
 * @param hash SHA-256 over {@link AuditHash#canonical(AuditEntry)}
 */
public record AuditEntry(
    long sequence,
    Instant time,
    String event,
    String outcome,
    Optional<String> reasonCode,
    Optional<String> userId,
    Optional<String> userName,
    Optional<String> role,
    Optional<String> organisation,
    Optional<String> patient,
    Optional<String> device,
    String correlationId,
    String details,
    String previousHash,
    String hash) {

  public AuditEntry {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence must be 1 or more, was " + sequence);
    }
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(correlationId, "correlationId");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
