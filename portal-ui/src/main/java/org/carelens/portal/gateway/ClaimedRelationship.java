package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * A self-claimed relationship with a patient other than the launched one ({@code POST
 * /api/v1/patients/{nhsNumber}/relationship}). The gateway flags every view under it for IG review.
 */
@Serdeable
public record ClaimedRelationship(
    String id,
    String nhsNumber,
    String relationship,
    String reason,
    Instant recordedAt,
    boolean flaggedForIgReview) {

  public ClaimedRelationship {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(recordedAt, "recordedAt");
  }
}
