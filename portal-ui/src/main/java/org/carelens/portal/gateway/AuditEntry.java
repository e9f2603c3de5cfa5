package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the gateway's audit trail as the IG API shows it ({@code GET /api/v1/audit}).
 *
 * @param details non-clinical details as stored: sources asked and their status, sections returned,
 *     what was withheld and why, search criteria
 */
@Serdeable
public record AuditEntry(
    long sequence,
    Instant time,
    String event,
    String outcome,
    @Nullable String reasonCode,
    @Nullable String userId,
    @Nullable String userName,
    @Nullable String role,
    @Nullable String organisation,
    @Nullable String patient,
    @Nullable String device,
    @Nullable String correlationId,
    @Nullable Map<String, @Nullable Object> details,
    @Nullable String previousHash,
    @Nullable String hash) {

  public AuditEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(outcome, "outcome");
    details = details == null ? Map.of() : details;
  }

  @Override
  public Map<String, @Nullable Object> details() {
    return Objects.requireNonNull(details);
  }
}
