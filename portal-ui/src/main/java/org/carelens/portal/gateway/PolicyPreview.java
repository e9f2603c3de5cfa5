package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a viewer in a role and organisation type would see of a synthetic patient under one
 * agreement ({@code GET /api/v1/policy/preview}; IG officers only): per source, whether it is
 * asked, which sections it shows, which sensitive labels get through, and why not.
 */
@Serdeable
public record PolicyPreview(
    AgreementView agreement,
    ViewerView viewer,
    ConsentView consent,
    @Nullable List<SourcePreview> sources) {

  public PolicyPreview {
    Objects.requireNonNull(agreement, "agreement");
    Objects.requireNonNull(viewer, "viewer");
    Objects.requireNonNull(consent, "consent");
    sources = sources == null ? List.of() : List.copyOf(sources);
  }

  @Override
  public List<SourcePreview> sources() {
    return Objects.requireNonNull(sources);
  }

  /** The agreement previewed. */
  @Serdeable
  public record AgreementView(
      String id,
      int version,
      @Nullable LocalDate effective,
      @Nullable List<String> organisationTypes) {}

  /** The hypothetical viewer; {@code relationship} e.g. {@code LAUNCHED_IN_CONTEXT}. */
  @Serdeable
  public record ViewerView(String role, String organisationType, String relationship) {}

  /** The synthetic patient's consent state. */
  @Serdeable
  public record ConsentView(String dissent, boolean permissionToView, boolean breakGlass) {}

  /** One source: the decision to ask it, each section's decision, each sensitive label's. */
  @Serdeable
  public record SourcePreview(
      String id,
      @Nullable String shareIn,
      Outcome source,
      @Nullable List<SectionPreview> sections,
      @Nullable List<LabelPreview> sensitive) {

    public SourcePreview {
      sections = sections == null ? List.of() : List.copyOf(sections);
      sensitive = sensitive == null ? List.of() : List.copyOf(sensitive);
    }

    @Override
    public List<SectionPreview> sections() {
      return Objects.requireNonNull(sections);
    }

    @Override
    public List<LabelPreview> sensitive() {
      return Objects.requireNonNull(sensitive);
    }
  }

  /** One section of one source. */
  @Serdeable
  public record SectionPreview(String section, Outcome outcome) {}

  /** An item carrying one sensitivity label, in a section the viewer sees. */
  @Serdeable
  public record LabelPreview(String label, Outcome outcome) {}

  /**
   * A decision: shown, or withheld with the rule that fired, its reason code and words.
   *
   * @param shown whether the viewer would see it
   */
  @Serdeable
  public record Outcome(
      boolean shown,
      String rule,
      @Nullable String reasonCode,
      @Nullable String reason,
      @Nullable List<String> obligations) {}
}
