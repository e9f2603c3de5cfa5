package org.carelens.adapters.gpconnect.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

/** The resources of a structured-record bundle, resolvable by the references between them. */
final class BundleIndex {

  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, Resource> byReference = new HashMap<>();

  BundleIndex(Bundle bundle) {
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      Resource resource = entry.getResource();
      if (resource == null) {
        continue;
      }
      resources.add(resource);
      if (entry.hasFullUrl()) {
        byReference.putIfAbsent(entry.getFullUrl(), resource);
      }
      if (resource.getIdElement().hasIdPart()) {
        byReference.putIfAbsent(
            resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
      }
    }
  }

  <T extends Resource> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Resolves a reference made by {@code from}: to one of its contained resources ({@code #id}), to
   * an entry by {@code fullUrl}, or to an entry by {@code Type/id}.
   */
  Optional<Resource> resolve(Reference reference, DomainResource from) {
    if (reference.getResource() instanceof Resource linked) {
      return Optional.of(linked);
    }
    if (!reference.hasReference()) {
      return Optional.empty();
    }
    String value = reference.getReference();
    if (value.startsWith("#")) {
      String localId = value.substring(1);
      return from.getContained().stream()
          .filter(contained -> localId.equals(contained.getIdElement().getIdPart()))
          .findFirst();
    }
    Resource direct = byReference.get(value);
    if (direct != null) {
      return Optional.of(direct);
    }
    IdType id = new IdType(value);
    if (id.hasResourceType() && id.hasIdPart()) {
      return Optional.ofNullable(byReference.get(id.getResourceType() + "/" + id.getIdPart()));
    }
    return Optional.empty();
  }

  /** Resolves a reference that must lead to a resource of {@code type}. */
  <T extends Resource> T require(Reference reference, Class<T> type, DomainResource from)
      throws BadResourceException {
    Optional<Resource> target = resolve(reference, from);
    if (target.isEmpty()) {
      throw new BadResourceException(
          "%s referring to %s not in the bundle"
              .formatted(from.fhirType(), Stu3Values.withArticle(type.getSimpleName())),
          "%s refers to '%s', which is not in the bundle"
              .formatted(Stu3Values.describe(from), reference.getReference()));
    }
    if (!type.isInstance(target.get())) {
      throw new BadResourceException(
          from,
          "referring to %s where %s was expected"
              .formatted(
                  Stu3Values.withArticle(target.get().fhirType()),
                  Stu3Values.withArticle(type.getSimpleName())));
    }
    return type.cast(target.get());
  }
}
