package org.carelens.gateway.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.NhsNumber;

/**
 * A search of the audit trail; every present criterion must match. {@code from} is inclusive,
 * {@code to} exclusive.
 */
public record AuditQuery(
    Optional<NhsNumber> patient,
    Optional<String> userId,
    Optional<String> organisation,
    Optional<AuditEventType> event,
    Optional<Instant> from,
    Optional<Instant> to,
    int limit) {

  public static final int MAX_LIMIT = 1_000;

  public AuditQuery {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(organisation, "organisation");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
      throw new IllegalArgumentException(
          "from must be before to, was from=" + from.get() + " to=" + to.get());
    }
  }

  /** Every entry about {@code patient}, newest first. */
  public static AuditQuery forPatient(NhsNumber patient) {
    return new AuditQuery(
        Optional.of(patient),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        MAX_LIMIT);
  }
}
