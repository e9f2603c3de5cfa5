package org.carelens.sdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an item came from: the Carelens source id, the item's id at that source, and the
 * organisation that recorded it (ODS code and name where the source gives them).
 */
public record Provenance(
    String sourceId,
    String sourceItemId,
    Optional<String> recordingOrganisationOds,
    Optional<String> recordingOrganisationName) {

  public Provenance {
    Objects.requireNonNull(sourceId, "sourceId must not be null");
    Objects.requireNonNull(sourceItemId, "sourceItemId must not be null");
    Objects.requireNonNull(recordingOrganisationOds, "use Optional.empty() for no ODS code");
    Objects.requireNonNull(recordingOrganisationName, "use Optional.empty() for no name");
  }

  public static Provenance of(String sourceId, String sourceItemId) {
    return new Provenance(sourceId, sourceItemId, Optional.empty(), Optional.empty());
  }
}
