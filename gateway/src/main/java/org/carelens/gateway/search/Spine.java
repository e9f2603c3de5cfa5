package org.carelens.gateway.search;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.carelens.adapters.pds.PdsAdapter;
import org.carelens.adapters.pds.PdsConfig;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.DemographicSearch;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;

/**
 * The demographics source searches go to: the configured source of type {@code pds} (its URL and
 * timeouts), through its own {@link PdsAdapter} so searches never share the record views' circuit
 * breaker or cache. Without such a source every search fails with a message saying so (fail
 * closed).
 */
@Singleton
public class Spine implements DemographicSearch, AutoCloseable {

  private final Optional<PdsAdapter> adapter;

  @Inject
  public Spine(List<SourceProperties> sources) {
    this.adapter =
        sources.stream()
            .filter(SourceProperties::isEnabled)
            .filter(s -> "pds".equals(s.getType()))
            .min(Comparator.comparing(SourceProperties::getId))
            .map(
                s ->
                    new PdsAdapter(
                        PdsConfig.withDefaults(s.getId(), s.getName(), URI.create(s.getUrl()))
                            .withTimeouts(s.getConnectTimeout(), s.getTimeLimit())));
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
        "no demographics source (type pds) is configured, so patients cannot be searched");
  }

  @PreDestroy
  @Override
  public void close() {
    adapter.ifPresent(PdsAdapter::close);
  }
}
