package org.carelens.gateway.consent.sequences;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.fanout.SourceAdapters;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.sdk.spi.SourceAdapter;

/**
 * The two things the sequence tests replace in an otherwise real gateway, and only when {@value
 * #ENABLED} is set: the clock, which the test moves by hand, and the adapters, which become
 * in-memory {@link SyntheticSource}s, one for every source the configuration enables (whatever it
 * holds, so a source added later is covered without touching the test). Everything between the HTTP
 * request and the adapter (sessions, the registers, policy, fan-out with its cache, merge, audit,
 * JSON) is the production code.
 */
@Factory
@Requires(property = SequenceGatewayBeans.ENABLED, value = "true")
class SequenceGatewayBeans {

  static final String ENABLED = "carelens.test.consent-sequences";

  /**
   * The NHS numbers of restricted patients (the S-flag), which every source says for them. Shared
   * by the gateways in this JVM: each sequence run adds its own fresh patients.
   */
  static final Set<String> RESTRICTED = ConcurrentHashMap.newKeySet();

  @Singleton
  @Replaces(Clock.class)
  Clock clock() {
    return new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));
  }

  @Singleton
  @Replaces(SourceAdapters.class)
  SourceAdapters sources(List<SourceProperties> configured) {
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    configured.stream()
        .filter(SourceProperties::isEnabled)
        .sorted(Comparator.comparing(SourceProperties::getId))
        .forEach(
            p ->
                adapters.put(
                    new SyntheticSource(p.getId(), n -> RESTRICTED.contains(n.value())), p));
    return SourceAdapters.of(adapters);
  }
}
