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
 * holds, so a source added later is covered without touching the test), the demographics source
 * ({@value #SPINE_SOURCE}) a {@link SyntheticSpine} that patient search goes to. Everything between
 * the HTTP request and the adapter (sessions, sign-in, the registers, policy, search, fan-out with
 * its cache, merge, audit, JSON) is the production code.
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

  /** The source whose adapter traces patients: the demographics spine. */
  static final String SPINE_SOURCE = "pds";

  /**
   * The patients on the spine, by NHS number. Shared like {@link #RESTRICTED}: each sequence run
   * puts its own fresh patients there.
   */
  static final Map<String, SyntheticSpine.Patient> SPINE = new ConcurrentHashMap<>();

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
                    p.getId().equals(SPINE_SOURCE)
                        ? new SyntheticSpine(p.getId(), SPINE, RESTRICTED)
                        : new SyntheticSource(p.getId(), n -> RESTRICTED.contains(n.value())),
                    p));
    if (adapters.keySet().stream().noneMatch(a -> a instanceof SyntheticSpine)) {
      throw new IllegalStateException(
          "No source '" + SPINE_SOURCE + "' is configured: patient search would go nowhere");
    }
    return SourceAdapters.of(adapters);
  }
}
