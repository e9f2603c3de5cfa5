package org.carelens.sdk.model;

/** Administrative gender as FHIR codes it. */
public enum Gender {
  MALE,
  FEMALE,
  OTHER,
  UNKNOWN
}
