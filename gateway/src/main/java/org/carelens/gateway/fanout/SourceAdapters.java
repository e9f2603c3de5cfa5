package org.carelens.gateway.fanout;

import io.micronaut.context.env.Environment;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelens.sdk.spi.SourceAdapter;

/**
 * Builds one adapter per configured, enabled source, {@code carelens.sources.<id>}, with the {@link
 * org.carelens.sdk.spi.SourceAdapterFactory} its {@code type} names, from the factories on the
 * classpath ({@link AdapterFactories}); the adapter reads its own settings ({@link
 * SourceSettings}). The gateway knows no source type. An unknown type, or a setting an adapter
 * refuses, stops start-up with a message naming the setting (and, for a type, the known ones).
 */
@Singleton
public class SourceAdapters {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(SourceAdapters.class);

  private final List<SourceAdapter> adapters;
  private final Map<String, SourceProperties> properties;

  @Inject
  public SourceAdapters(List<SourceProperties> configured, Environment environment) {
    List<SourceProperties> ordered =
        configured.stream()
            .filter(SourceProperties::isEnabled)
            .sorted(Comparator.comparing(SourceProperties::getId))
            .toList();
    this.properties =
        ordered.stream().collect(Collectors.toMap(SourceProperties::getId, Function.identity()));
    AdapterFactories factories = AdapterFactories.load(environment.getClassLoader());
    LOG.info("Source types on the classpath: {}", String.join(", ", factories.types()));
    this.adapters = new ArrayList<>();
    try {
      for (SourceProperties source : ordered) {
        adapters.add(factories.create(source, SourceSettings.read(environment, source)));
      }
    } catch (RuntimeException e) {
      adapters.forEach(SourceAdapter::close);
      throw e;
    }
    warmUp(adapters);
  }

  /**
   * Warms every adapter at once before the gateway serves: without it the first view after a start
   * spent seconds building FHIR models and timed out at every FHIR source.
   */
  private static void warmUp(List<SourceAdapter> adapters) {
    try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (SourceAdapter adapter : adapters) {
        executor.submit(
            () -> {
              try {
                adapter.warmUp();
              } catch (RuntimeException e) {
                // A failed warm-up only costs speed; the first fetch will initialise instead.
                LOG.warn(
                    "Warm-up of source {} failed: {}", adapter.descriptor().id(), e.toString());
              }
            });
      }
    }
  }

  /**
   * Adapters built elsewhere (tests, embedding), each with its properties, in the map's iteration
   * order.
   */
  public static SourceAdapters of(Map<SourceAdapter, SourceProperties> configured) {
    return new SourceAdapters(configured);
  }

  /** Adapters built elsewhere (tests, embedding), each with its properties. */
  SourceAdapters(Map<SourceAdapter, SourceProperties> configured) {
    this.adapters = List.copyOf(configured.keySet());
    this.properties =
        configured.values().stream()
            .collect(Collectors.toMap(SourceProperties::getId, Function.identity()));
  }

  List<SourceAdapter> adapters() {
    return List.copyOf(adapters);
  }

  /**
   * The first configured source (in id order) that can trace patients ({@link
   * org.carelens.sdk.spi.DemographicSearch}, e.g. the PDS adapter), for patient search (issue 11);
   * empty if none can.
   */
  public java.util.Optional<org.carelens.sdk.spi.DemographicSearch> demographicSearch() {
    return adapters.stream()
        .filter(org.carelens.sdk.spi.DemographicSearch.class::isInstance)
        .map(org.carelens.sdk.spi.DemographicSearch.class::cast)
        .findFirst();
  }

  SourceProperties properties(String id) {
    return properties.get(id);
  }
}
