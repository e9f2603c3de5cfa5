package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One patient's merged record as the gateway assembled it for this viewer ({@code GET
 * /api/v1/patients/{nhsNumber}/record}, 200). Lives for one page render; never stored.
 *
 * @param sources every source in scope with its outcome; the portal shows all of them, because a
 *     view that hides a failed source is silently incomplete
 */
@Serdeable
public record RecordView(
    PatientView patient,
    List<SourceView> sources,
    Sections sections,
    @Nullable List<Warning> warnings,
    @Nullable Viewer viewer,
    @Nullable Instant generatedAt) {

  public RecordView {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(sections, "sections");
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** Warnings never null after construction; an absent list means none. */
  @Override
  public List<Warning> warnings() {
    return Objects.requireNonNull(warnings);
  }
}
