package org.carelens.gateway.search;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.carelens.gateway.fanout.SourceAdapters;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.DemographicSearch;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;

/**
 * The demographics source searches go to: the first configured source whose adapter can trace
 * patients ({@link DemographicSearch}; the PDS adapter in the demo), found among the configured
 * adapters so search needs no adapter module at compile time. Without one every search fails with a
 * message saying so (fail closed). The adapter belongs to {@link SourceAdapters}, which closes it.
 */
@Singleton
public class Spine implements DemographicSearch {

  private final Optional<DemographicSearch> adapter;

  public Spine(SourceAdapters sources) {
    this.adapter = sources.demographicSearch();
  }

  @Override
  public SearchOutcome search(DemographicQuery query, RequestContext context)
      throws InterruptedException {
    return adapter.isPresent() ? adapter.get().search(query, context) : unconfigured();
  }

  @Override
  public SearchOutcome lookup(NhsNumber nhsNumber, RequestContext context)
      throws InterruptedException {
    return adapter.isPresent() ? adapter.get().lookup(nhsNumber, context) : unconfigured();
  }

  private static SearchOutcome unconfigured() {
    return new SearchOutcome.Failed(
        "no configured source can trace patients (a demographics source such as PDS), so"
            + " patients cannot be searched");
  }
}
