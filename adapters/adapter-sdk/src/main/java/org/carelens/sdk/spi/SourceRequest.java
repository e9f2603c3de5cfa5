package org.carelens.sdk.spi;

import java.util.Objects;
import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;

/**
 * One request to one source: which patient, which sections, on whose behalf.
 *
 * @param sections the sections in scope for this viewer; an adapter may return fewer, never more
 */
public record SourceRequest(NhsNumber nhsNumber, Set<Section> sections, RequestContext context) {

  public SourceRequest {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(context, "context");
    sections = Set.copyOf(sections);
  }
}
