package org.carelens.adapters.fhirr4.internal;

import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.Provenance;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * Where items come from: the Carelens source, and the organisation that recorded them. A resource
 * that names its own organisation (an Encounter's service provider, a document's custodian) is
 * credited to it when that organisation carries an ODS code; otherwise to the trust the source
 * belongs to.
 *
 * @param trustOds the source's own ODS code, e.g. {@code RXX}
 */
public record ItemOrigin(String sourceId, String trustOds, Optional<String> trustName) {

  public ItemOrigin {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(trustOds, "trustOds");
    Objects.requireNonNull(trustName, "trustName");
  }

  Provenance provenance(Resource resource) throws BadResourceException {
    return new Provenance(sourceId, R4Values.itemId(resource), Optional.of(trustOds), trustName);
  }

  Provenance provenance(Resource resource, Reference organisation, ResourceIndex index)
      throws BadResourceException {
    Optional<Resource> target = index.resolve(organisation, resource);
    if (target.isPresent() && target.get() instanceof Organization org) {
      Optional<String> ods = R4Values.identifier(org.getIdentifier(), R4Values.ODS_SYSTEM);
      if (ods.isPresent()) {
        return new Provenance(
            sourceId,
            R4Values.itemId(resource),
            ods,
            R4Values.hasText(org.getName())
                ? Optional.of(org.getName().strip())
                : Optional.empty());
      }
    }
    if (organisation.hasIdentifier()
        && R4Values.ODS_SYSTEM.equals(organisation.getIdentifier().getSystem())
        && organisation.getIdentifier().hasValue()) {
      return new Provenance(
          sourceId,
          R4Values.itemId(resource),
          Optional.of(organisation.getIdentifier().getValue().strip()),
          R4Values.hasText(organisation.getDisplay())
              ? Optional.of(organisation.getDisplay().strip())
              : Optional.empty());
    }
    return provenance(resource);
  }
}
