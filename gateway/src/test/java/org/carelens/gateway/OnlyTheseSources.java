package org.carelens.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * Test properties that switch off every source {@code application.yml} configures other than the
 * ones a test sets up itself, so a test's view has exactly the sources it reasons about however
 * many the default configuration gains.
 */
public final class OnlyTheseSources {

  private OnlyTheseSources() {}

  @SuppressWarnings("unchecked")
  public static Map<String, String> disableOthers(Set<String> keep) {
    try (InputStream in =
        OnlyTheseSources.class.getClassLoader().getResourceAsStream("application.yml")) {
      Map<String, Object> root = new Yaml().load(in);
      Map<String, Object> carelens = (Map<String, Object>) root.getOrDefault("carelens", Map.of());
      Map<String, Object> sources =
          (Map<String, Object>) carelens.getOrDefault("sources", Map.of());
      Map<String, String> properties = new HashMap<>();
      for (String id : sources.keySet()) {
        if (!keep.contains(id)) {
          properties.put("carelens.sources." + id + ".enabled", "false");
        }
      }
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
