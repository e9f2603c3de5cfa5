package org.carelens.gateway.fanout;

import io.micronaut.core.value.PropertyResolver;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Everything configured under one source, {@code carelens.sources.<id>}, as the text an adapter's
 * {@link org.carelens.sdk.spi.SourceConfig} reads: the adapter's own keys as written ({@code url},
 * {@code provider-ods}, {@code pds-url}, ...), a list as one comma-separated value, and the
 * gateway's {@code type}, {@code name}, {@code time-limit} and {@code connect-timeout} as it
 * resolved them (with their defaults), so adapter and gateway agree on them.
 */
final class SourceSettings {

  private SourceSettings() {}

  static Map<String, String> read(PropertyResolver configuration, SourceProperties source) {
    String prefix = "carelens.sources." + source.getId();
    Map<String, String> settings = new TreeMap<>();
    for (String key : configuration.getPropertyEntries(prefix)) {
      Optional<Object> value = configuration.getProperty(prefix + "." + key, Object.class);
      value.flatMap(SourceSettings::text).ifPresent(text -> settings.put(key, text));
    }
    settings.put("type", source.getType());
    settings.put("name", source.getName());
    settings.put("time-limit", source.getTimeLimit().toString());
    settings.put("connect-timeout", source.getConnectTimeout().toString());
    return settings;
  }

  /** A scalar as its text, a list as its entries joined by commas; nested maps are not settings. */
  private static Optional<String> text(Object value) {
    if (value instanceof Collection<?> list) {
      return Optional.of(list.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
    if (value instanceof Map<?, ?>) {
      return Optional.empty();
    }
    return Optional.of(String.valueOf(value));
  }
}
