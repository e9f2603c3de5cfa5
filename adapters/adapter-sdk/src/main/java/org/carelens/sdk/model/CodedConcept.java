package org.carelens.sdk.model;

import java.util.Objects;

/**
 * A coded clinical concept as the source recorded it: the code system URI, the code and the display
 * text. The display text is what a clinician reads; the code is what merging and policy compare.
 */
public record CodedConcept(String system, String code, String display) {

  public static final String SNOMED_CT = "http://snomed.info/sct";
  public static final String DM_D = "https://dmd.nhs.uk";
  public static final String LOINC = "http://loinc.org";

  public CodedConcept {
    Objects.requireNonNull(system, "code system must not be null");
    Objects.requireNonNull(code, "code must not be null");
    Objects.requireNonNull(display, "display must not be null");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank (system " + system + ")");
    }
  }

  public static CodedConcept snomed(String code, String display) {
    return new CodedConcept(SNOMED_CT, code, display);
  }

  public static CodedConcept dmd(String code, String display) {
    return new CodedConcept(DM_D, code, display);
  }
}
