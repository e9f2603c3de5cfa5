package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Every resource one fetch received, by {@code Type/id} and by full URL, so references between
 * searches resolve (an Encounter's discharge diagnosis is a Condition from the Condition search).
 * Contained resources resolve from their container ({@code #id}). Not thread-safe: one per fetch.
 */
public final class ResourceIndex {

  private final Map<String, Resource> byKey = new HashMap<>();
  private final Map<String, Resource> byFullUrl = new HashMap<>();
  private final List<Resource> all = new ArrayList<>();

  /** Adds every entry of a Bundle, recursing into Bundles held in it. */
  public ResourceIndex add(Bundle bundle) {
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      if (entry.hasFullUrl()) {
        byFullUrl.putIfAbsent(entry.getFullUrl(), resource);
      }
      add(resource);
    }
    return this;
  }

  public ResourceIndex add(Resource resource) {
    if (resource instanceof Bundle bundle) {
      return add(bundle);
    }
    String id = resource.getIdElement().getIdPart();
    if (id != null) {
      String key = resource.fhirType() + "/" + id;
      if (!byKey.containsKey(key)) {
        byKey.put(key, resource);
        all.add(resource);
      }
    } else {
      all.add(resource);
    }
    return this;
  }

  /** Every distinct resource added, in the order received. */
  public List<Resource> all() {
    return List.copyOf(all);
  }

  /** The resource a reference points to, looked up in {@code owner}'s contained resources first. */
  public Optional<Resource> resolve(Reference reference, Resource owner) {
    if (reference.getResource() instanceof Resource held) {
      return Optional.of(held);
    }
    if (!reference.hasReference()) {
      return Optional.empty();
    }
    String target = reference.getReference().strip();
    if (target.startsWith("#")) {
      if (owner instanceof DomainResource domain) {
        String local = target.substring(1);
        return domain.getContained().stream()
            .filter(c -> local.equals(c.getIdElement().getIdPart()))
            .findFirst();
      }
      return Optional.empty();
    }
    Resource direct = byKey.getOrDefault(target, byFullUrl.get(target));
    if (direct != null) {
      return Optional.of(direct);
    }
    // An absolute reference to this server: match on its last two segments (Type/id).
    String[] parts = target.split("/");
    if (parts.length >= 2) {
      String typed = parts[parts.length - 2] + "/" + parts[parts.length - 1];
      if (parts.length >= 4 && parts[parts.length - 2].equals("_history")) {
        typed = parts[parts.length - 4] + "/" + parts[parts.length - 3];
      }
      return Optional.ofNullable(byKey.get(typed));
    }
    return Optional.empty();
  }

  /** The display of a reference, else its target's name for a few types that have one. */
  public Optional<String> display(Reference reference, Resource owner) {
    if (R4Values.hasText(reference.getDisplay())) {
      return Optional.of(reference.getDisplay().strip());
    }
    return resolve(reference, owner).flatMap(Names::of);
  }
}
