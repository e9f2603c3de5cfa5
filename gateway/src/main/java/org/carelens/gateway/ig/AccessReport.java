package org.carelens.gateway.ig;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A patient access report: which organisations, in which roles, viewed the record and when. It
 * names organisations and roles, not individual staff, so it can be given to the patient.
 */
@Serdeable
public record AccessReport(
    String nhsNumber, Instant generatedAt, List<Access> accesses, List<Summary> summary) {

  /** One view of the record, newest first. */
  @Serdeable
  public record Access(long sequence, Instant time, String organisation, String role) {}

  /** All views by one organisation in one role. */
  @Serdeable
  public record Summary(
      String organisation, String role, int views, Instant firstViewed, Instant lastViewed) {}
}
