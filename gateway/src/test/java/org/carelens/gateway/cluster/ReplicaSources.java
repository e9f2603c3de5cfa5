package org.carelens.gateway.cluster;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.fanout.SourceAdapters;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.sdk.spi.SourceAdapter;

/**
 * Replaces the adapters of a replica under test with in-memory sources, one per configured source,
 * when {@value #ENABLED} is set, so that views answer without any network and fill the cache.
 */
@Factory
@Requires(property = ReplicaSources.ENABLED, value = "true")
class ReplicaSources {

  static final String ENABLED = "carelens.test.replica-sources";

  @Singleton
  @Replaces(SourceAdapters.class)
  SourceAdapters sources(List<SourceProperties> configured) {
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    configured.stream()
        .filter(SourceProperties::isEnabled)
        .sorted(Comparator.comparing(SourceProperties::getId))
        .forEach(p -> adapters.put(new SyntheticSource(p.getId(), false), p));
    return SourceAdapters.of(adapters);
  }
}
