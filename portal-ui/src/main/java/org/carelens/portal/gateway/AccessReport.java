package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Who viewed a patient's record ({@code GET /api/v1/audit/access-report}): organisations and roles,
 * never staff names, so it can be given to the patient.
 */
@Serdeable
public record AccessReport(
    String nhsNumber,
    @Nullable Instant generatedAt,
    @Nullable List<Access> accesses,
    @Nullable List<Summary> summary) {

  public AccessReport {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    accesses = accesses == null ? List.of() : List.copyOf(accesses);
    summary = summary == null ? List.of() : List.copyOf(summary);
  }

  @Override
  public List<Access> accesses() {
    return Objects.requireNonNull(accesses);
  }

  @Override
  public List<Summary> summary() {
    return Objects.requireNonNull(summary);
  }

  /** One view of the record, newest first. */
  @Serdeable
  public record Access(long sequence, Instant time, String organisation, String role) {}

  /** All views by one organisation in one role. */
  @Serdeable
  public record Summary(
      String organisation, String role, int views, Instant firstViewed, Instant lastViewed) {}
}
