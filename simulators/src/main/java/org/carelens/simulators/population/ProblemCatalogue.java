package org.carelens.simulators.population;

import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Sensitivity;

/** Problems the generator records: common long-term conditions and a few sensitive ones. */
final class ProblemCatalogue {

  private ProblemCatalogue() {}

  /** A problem kind, the minimum age it is plausible at and its sensitivity label. */
  record ProblemKind(CodedConcept concept, int minAge, Optional<Sensitivity> sensitivity) {}

  static final ProblemKind HYPERTENSION =
      common("38341003", "Hypertensive disorder, systemic arterial", 30);

  static final List<ProblemKind> COMMON =
      List.of(
          HYPERTENSION,
          common("44054006", "Type 2 diabetes mellitus", 30),
          common("195967001", "Asthma", 5),
          common("13645005", "Chronic obstructive lung disease", 45),
          common("239873007", "Osteoarthritis of knee", 45),
          common("40930008", "Hypothyroidism", 25),
          common("49436004", "Atrial fibrillation", 55),
          common("433144002", "Chronic kidney disease stage 3", 50),
          common("35489007", "Depressive disorder", 16),
          common("37796009", "Migraine", 12));

  static final List<ProblemKind> SENSITIVE =
      List.of(
          sensitive("86406008", "Human immunodeficiency virus infection", Sensitivity.HIV),
          sensitive("105629000", "Chlamydial infection", Sensitivity.SEXUAL_HEALTH),
          sensitive("15628003", "Gonorrhoea", Sensitivity.SEXUAL_HEALTH),
          sensitive("386639001", "Termination of pregnancy", Sensitivity.TERMINATION),
          sensitive("52637005", "In vitro fertilisation", Sensitivity.IVF));

  private static ProblemKind common(String code, String display, int minAge) {
    return new ProblemKind(CodedConcept.snomed(code, display), minAge, Optional.empty());
  }

  private static ProblemKind sensitive(String code, String display, Sensitivity label) {
    return new ProblemKind(CodedConcept.snomed(code, display), 16, Optional.of(label));
  }
}
