package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a break-glass declaration may say under the sharing agreement in force ({@code GET
 * /api/v1/patients/{nhsNumber}/break-glass}).
 *
 * @param reasons the reasons to choose from
 * @param durationMinutes how long the access lasts
 * @param overridesDissent whether break-glass also overrides the patient's dissent
 */
@Serdeable
public record BreakGlassOptions(
    @Nullable List<String> reasons, long durationMinutes, boolean overridesDissent) {

  public BreakGlassOptions {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  @Override
  public List<String> reasons() {
    return Objects.requireNonNull(reasons);
  }
}
