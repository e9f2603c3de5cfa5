package org.carelens.adapters.socialcare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.sdk.model.Completeness;

/**
 * What was read of one paged resource: the items of every page that could be read, and whether
 * pages after the first could not be ({@link Completeness.Partial}, counting the items they held as
 * exactly as the council says). Never {@link Completeness.Unavailable}: a resource whose first page
 * cannot be read is a {@link ExchangeFailedException}.
 */
public record Pages(List<JsonNode> items, Completeness completeness) {

  public Pages {
    items = List.copyOf(items);
    Objects.requireNonNull(completeness, "completeness");
    if (completeness instanceof Completeness.Unavailable) {
      throw new IllegalArgumentException("pages that were read cannot be unavailable");
    }
  }

  /** Every page was read. */
  public static Pages complete(List<JsonNode> items) {
    return new Pages(items, Completeness.complete());
  }
}
