package org.carelens.gateway.merge;

/**
 * The allergy status shown in the patient banner (NHS CUI: "Known allergies", "No known allergies",
 * "Allergies not recorded", "Allergies unavailable").
 */
public enum AllergyState {
  KNOWN,
  NO_KNOWN_ALLERGIES,
  NOT_RECORDED,
  UNAVAILABLE
}
