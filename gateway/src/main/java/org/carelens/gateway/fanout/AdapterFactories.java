package org.carelens.gateway.fanout;

import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceAdapterFactory;
import org.carelens.sdk.spi.SourceConfig;

/**
 * The source types this gateway can build: every {@link SourceAdapterFactory} on its classpath,
 * found with {@link ServiceLoader}, by {@link SourceAdapterFactory#type()}. The gateway names no
 * adapter: a source type is added by putting its jar on the classpath (the distribution module or a
 * {@code plugins/} directory) and configuring a source of that type. Two factories claiming one
 * type, or one that cannot be loaded, stop start-up.
 */
final class AdapterFactories {

  private final Map<String, SourceAdapterFactory> byType;

  private AdapterFactories(Map<String, SourceAdapterFactory> byType) {
    this.byType = byType;
  }

  /** The factories {@code classLoader} can see. */
  static AdapterFactories load(ClassLoader classLoader) {
    Map<String, SourceAdapterFactory> byType = new TreeMap<>();
    try {
      for (SourceAdapterFactory factory :
          ServiceLoader.load(SourceAdapterFactory.class, classLoader)) {
        SourceAdapterFactory other = byType.putIfAbsent(factory.type(), factory);
        if (other != null) {
          throw new IllegalStateException(
              "two adapter factories on the classpath claim source type '%s': %s and %s"
                  .formatted(
                      factory.type(), other.getClass().getName(), factory.getClass().getName()));
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException(
          "an adapter factory on the classpath could not be loaded: " + e.getMessage(), e);
    }
    return new AdapterFactories(byType);
  }

  /** The known source types, sorted. */
  Iterable<String> types() {
    return byType.keySet();
  }

  /**
   * Builds the adapter of one configured source with the factory of its type.
   *
   * @throws IllegalStateException naming the setting when the type is missing or unknown (listing
   *     the known types), when the factory refuses the configuration, or when it returns an adapter
   *     for another source id
   */
  SourceAdapter create(SourceProperties source, Map<String, String> settings) {
    String setting = "carelens.sources." + source.getId() + ".type";
    if (source.getType().isBlank()) {
      throw new IllegalStateException(
          "%s: required, but not set (known types: %s)"
              .formatted(setting, String.join(", ", types())));
    }
    SourceAdapterFactory factory = byType.get(source.getType());
    if (factory == null) {
      throw new IllegalStateException(
          "%s: '%s' is not a known source type (known types: %s); is its adapter's jar on the classpath?"
              .formatted(setting, source.getType(), String.join(", ", types())));
    }
    SourceAdapter adapter;
    try {
      adapter = factory.create(SourceConfig.of(source.getId(), settings));
    } catch (IllegalArgumentException e) {
      // SourceConfigException included: its message already names the setting.
      throw new IllegalStateException(e.getMessage(), e);
    }
    if (adapter == null || !adapter.descriptor().id().equals(source.getId())) {
      throw new IllegalStateException(
          "carelens.sources.%s: the %s factory (%s) built an adapter for source '%s'"
              .formatted(
                  source.getId(),
                  source.getType(),
                  factory.getClass().getName(),
                  adapter == null ? null : adapter.descriptor().id()));
    }
    return adapter;
  }
}
