package org.carelens.adapters.gpconnect.internal;

import java.util.Optional;
import org.carelens.sdk.model.Provenance;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * Where items in this answer come from: the Carelens source and the practice that holds the record.
 * GP Connect gives no recording organisation per item, so the practice is reported.
 */
record ItemOrigin(String sourceId, Optional<String> practiceOds, Optional<String> practiceName) {

  Provenance provenance(Resource resource) throws BadResourceException {
    return new Provenance(sourceId, Stu3Values.requireId(resource), practiceOds, practiceName);
  }
}
