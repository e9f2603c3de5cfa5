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
 * @param obligations what the policy asks the display to do, e.g. {@code SHOW_WITHHELD_NOTICE},
 *     {@code PROMPT_FOR_PERMISSION}; empty from gateways that do not send them
 * @param breakGlass this viewer's break-glass access, inactive when absent
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
    @Nullable Instant generatedAt,
    @Nullable List<String> obligations,
    @Nullable BreakGlassState breakGlass) {

  public RecordView {
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(sections, "sections");
    sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
    breakGlass = breakGlass == null ? BreakGlassState.INACTIVE : breakGlass;
  }

  /** Obligations the policy placed on the display, e.g. {@code PROMPT_FOR_PERMISSION}. */
  @Override
  public List<String> obligations() {
    return Objects.requireNonNull(obligations);
  }

  /** Never null after construction; absent means inactive. */
  @Override
  public BreakGlassState breakGlass() {
    return Objects.requireNonNull(breakGlass);
  }

  /** Warnings never null after construction; an absent list means none. */
  @Override
  public List<Warning> warnings() {
    return Objects.requireNonNull(warnings);
  }
}
