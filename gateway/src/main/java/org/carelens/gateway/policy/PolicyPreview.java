package org.carelens.gateway.policy;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a viewer would see of a synthetic patient under one agreement: per source, whether it is
 * asked at all, which sections it shows, which sensitive labels get through, and why not.
 */
@Serdeable
public record PolicyPreview(
    AgreementView agreement, ViewerView viewer, ConsentView consent, List<SourcePreview> sources) {

  /** The agreement previewed. */
  @Serdeable
  public record AgreementView(
      String id, int version, @Nullable LocalDate effective, List<String> organisationTypes) {}

  /** The hypothetical viewer. */
  @Serdeable
  public record ViewerView(String role, String organisationType, String relationship) {}

  /** The synthetic patient's consent state. */
  @Serdeable
  public record ConsentView(String dissent, boolean permissionToView, boolean breakGlass) {}

  /** One source. */
  @Serdeable
  public record SourcePreview(
      String id,
      @Nullable String shareIn,
      Outcome source,
      List<SectionPreview> sections,
      List<LabelPreview> sensitive) {}

  /** One section of one source. */
  @Serdeable
  public record SectionPreview(String section, Outcome outcome) {}

  /** An item carrying one sensitivity label, in a section the viewer sees. */
  @Serdeable
  public record LabelPreview(String label, Outcome outcome) {}

  /**
   * A decision.
   *
   * @param shown whether the viewer would see it
   */
  @Serdeable
  public record Outcome(
      boolean shown,
      String rule,
      @Nullable String reasonCode,
      @Nullable String reason,
      List<String> obligations) {}
}
