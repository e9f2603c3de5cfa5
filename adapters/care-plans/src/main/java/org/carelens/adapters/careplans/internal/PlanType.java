package org.carelens.adapters.careplans.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.CodedConcept;

/**
 * The plans this source asks for, by the SNOMED CT code of the pointer's {@code
 * DocumentReference.type}, and the kind of alert a current plan of each type raises.
 *
 * <p>Codes: the National Record Locator's record types (NHS England, NRLF {@code
 * resources/fhir/NRLF-RecordType-ValueSet.json}, value set {@code
 * https://fhir.nhs.uk/England/CodeSystem/England-NRLRecordType} 1.1.1, also listed in the NRL
 * consumer API's {@code type} search examples), except DNACPR: NRL has no record type for a
 * stand-alone DNACPR decision (it usually travels inside a ReSPECT form or an end-of-life
 * coordination summary), so its pointers are typed with the code the End of Life Care FHIR API
 * (nhsconnect/FHIR-END-OF-LIFE-API, "Flag | CPR Status") advises from the SCR inclusion dataset.
 */
public enum PlanType {

  /** NRL record type: End of life care plan. */
  END_OF_LIFE_CARE_PLAN("736373009", "End of life care plan", AlertItem.Kind.END_OF_LIFE),

  /** NRL record type: End of life care coordination summary (the EPaCCS record). */
  END_OF_LIFE_COORDINATION_SUMMARY(
      "861421000000109", "End of life care coordination summary", AlertItem.Kind.END_OF_LIFE),

  /** NRL record type: ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form. */
  RESPECT_FORM(
      "1382601000000107",
      "ReSPECT (Recommended Summary Plan for Emergency Care and Treatment) form",
      AlertItem.Kind.RESPECT),

  /**
   * DNACPR decision: 450476008 |Not for attempted cardiopulmonary resuscitation (finding)|, the End
   * of Life Care FHIR API's advised CPR status code (SCR inclusion dataset).
   */
  DNACPR_DECISION(
      "450476008", "Not for attempted cardiopulmonary resuscitation", AlertItem.Kind.DNACPR),

  /** NRL record type: Mental health crisis plan. */
  MENTAL_HEALTH_CRISIS_PLAN("736253002", "Mental health crisis plan", AlertItem.Kind.CRISIS_PLAN),

  /**
   * NRL record type: Emergency health care plan. The canonical model has no kind of its own for it;
   * the alert is {@code OTHER}, its coded concept says what it is.
   */
  EMERGENCY_HEALTH_CARE_PLAN("887701000000100", "Emergency health care plan", AlertItem.Kind.OTHER);

  private final String code;
  private final String display;
  private final AlertItem.Kind alertKind;

  PlanType(String code, String display, AlertItem.Kind alertKind) {
    this.code = code;
    this.display = display;
    this.alertKind = alertKind;
  }

  public String code() {
    return code;
  }

  public String display() {
    return display;
  }

  public AlertItem.Kind alertKind() {
    return alertKind;
  }

  public CodedConcept concept() {
    return CodedConcept.snomed(code, display);
  }

  /** The plan type with this SNOMED CT code, if it is one this source asks for. */
  public static Optional<PlanType> ofCode(String system, String code) {
    if (!CodedConcept.SNOMED_CT.equals(system)) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** The {@code type} search parameter naming every plan type: a comma means "or" in FHIR. */
  public static String searchParameter() {
    return String.join(
        ",", Arrays.stream(values()).map(t -> CodedConcept.SNOMED_CT + "|" + t.code).toList());
  }

  /** Every code, for tests and simulators. */
  public static List<String> codes() {
    return Arrays.stream(values()).map(PlanType::code).toList();
  }
}
