package org.carelens.adapters.gpconnect.internal;

import java.util.Map;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Sensitivity;

/**
 * SNOMED CT concepts whose presence is itself sensitive. GP Connect carries no sensitivity labels:
 * a practice either withholds an entry as confidential or shares it, so the adapter labels what it
 * recognises and policy decides who sees it (PRODUCT.md, "Sensitive data"). The list is short and
 * exact by design; a deployment would extend it from its own reference sets.
 */
final class SensitiveCodes {

  private static final Map<String, Sensitivity> LABELS =
      Map.ofEntries(
          Map.entry("86406008", Sensitivity.HIV), // Human immunodeficiency virus infection
          Map.entry("165816005", Sensitivity.HIV), // HIV positive
          Map.entry("105629000", Sensitivity.SEXUAL_HEALTH), // Chlamydial infection
          Map.entry("15628003", Sensitivity.SEXUAL_HEALTH), // Gonorrhoea
          Map.entry("76272004", Sensitivity.SEXUAL_HEALTH), // Syphilis
          Map.entry("386639001", Sensitivity.TERMINATION), // Termination of pregnancy
          Map.entry("52637005", Sensitivity.IVF), // In vitro fertilisation
          Map.entry("93461009", Sensitivity.GENDER_IDENTITY)); // Gender dysphoria

  private SensitiveCodes() {}

  static Optional<Sensitivity> label(CodedConcept concept) {
    return CodedConcept.SNOMED_CT.equals(concept.system())
        ? Optional.ofNullable(LABELS.get(concept.code()))
        : Optional.empty();
  }
}
