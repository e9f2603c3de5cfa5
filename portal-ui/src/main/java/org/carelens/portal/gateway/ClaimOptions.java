package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a self-claimed relationship may say under the sharing agreement in force ({@code GET
 * /api/v1/patients/{nhsNumber}/relationship}).
 *
 * @param reasons the coded reasons to choose from, in the agreement's order
 * @param dailyCap how many claims one user may make in any 24 hours
 * @param allowedForThisRole whether this session's role may self-claim at all
 */
@Serdeable
public record ClaimOptions(
    @Nullable List<Reason> reasons, int dailyCap, boolean allowedForThisRole) {

  public ClaimOptions {
    reasons = reasons == null ? List.of() : List.copyOf(reasons);
  }

  @Override
  public List<Reason> reasons() {
    return Objects.requireNonNull(reasons);
  }

  /** A coded reason and the words a user sees for it. */
  @Serdeable
  public record Reason(String code, String label) {}
}
