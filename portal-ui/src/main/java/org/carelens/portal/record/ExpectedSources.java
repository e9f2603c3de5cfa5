package org.carelens.portal.record;

import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelens.portal.gateway.ConfiguredSource;
import org.carelens.portal.gateway.SourceView;

/**
 * The sources the gateway reported in earlier views (id and display name, in the gateway's order),
 * so a record that is still loading can list every source it is waiting for. Source names are
 * configuration, not patient data. Empty until the first view of this portal process completes; the
 * merged view stays authoritative about which sources were in scope. Filled from the gateway's
 * source list before the first view, and kept current by every completed view.
 */
@Singleton
public final class ExpectedSources {

  private final Map<String, String> names = new LinkedHashMap<>();

  /** The sources seen so far, id to display name, in first-seen order. */
  public synchronized Map<String, String> known() {
    return new LinkedHashMap<>(names);
  }

  /** Remembers the gateway's configured sources, asked for before the first view loads. */
  public synchronized void learnConfigured(List<ConfiguredSource> sources) {
    for (ConfiguredSource source : sources) {
      names.put(source.id(), source.name());
    }
  }

  /** Remembers the sources of a completed view; a renamed source keeps its place. */
  public synchronized void learn(List<SourceView> sources) {
    for (SourceView source : sources) {
      names.put(source.id(), source.name());
    }
  }
}
