package org.carelens.adapters.fhirr4.internal;

import java.util.Locale;
import java.util.Optional;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.AlertItem.Kind;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.r4.model.Flag;

/**
 * UK Core Flag to {@link AlertItem}. Flags are coded in SNOMED CT; the few concepts a clinician
 * must see first are recognised by code, and by the words of the display where a trust uses a local
 * code for the same thing.
 */
final class AlertMapper {

  private AlertMapper() {}

  static Optional<AlertItem> map(Flag flag, ItemOrigin origin) throws BadResourceException {
    if (!flag.hasStatus()) {
      throw new BadResourceException(flag, "without a status");
    }
    AlertItem.Status status =
        switch (flag.getStatus()) {
          case ACTIVE -> AlertItem.Status.ACTIVE;
          case INACTIVE -> AlertItem.Status.INACTIVE;
          default -> null;
        };
    if (status == null) {
      return Optional.empty();
    }
    CodedConcept concept =
        R4Values.requireConcept(flag.getCode(), flag, "code", CodedConcept.SNOMED_CT);
    // The code's text often says more than its display ("Patient has a severe peanut allergy").
    Optional<String> note =
        Optional.ofNullable(flag.getCode().getText())
            .map(String::strip)
            .filter(t -> !t.isEmpty() && !t.equals(concept.display()));
    return Optional.of(
        new AlertItem(
            origin.provenance(flag),
            concept,
            kind(concept),
            status,
            R4Values.day(flag.getPeriod().getStartElement()),
            note,
            SensitivityLabels.of(flag)));
  }

  private static Kind kind(CodedConcept concept) {
    switch (concept.code()) {
      // 304253006 Not for resuscitation; 450476008 Not for attempted CPR.
      case "304253006", "450476008" -> {
        return Kind.DNACPR;
      }
      // 1108161000000106 Has ReSPECT (Recommended Summary Plan for Emergency Care and Treatment).
      case "1108161000000106" -> {
        return Kind.RESPECT;
      }
      default -> {}
    }
    String text = concept.display().toLowerCase(Locale.UK);
    if (text.contains("safeguarding") || text.contains("child protection")) {
      return Kind.SAFEGUARDING;
    }
    if (text.contains("resuscitation") || text.contains("dnacpr")) {
      return Kind.DNACPR;
    }
    if (text.contains("respect")) {
      return Kind.RESPECT;
    }
    if (text.contains("end of life") || text.contains("palliative")) {
      return Kind.END_OF_LIFE;
    }
    if (text.contains("violen") || text.contains("aggress")) {
      return Kind.VIOLENCE_MARKER;
    }
    return Kind.OTHER;
  }
}
