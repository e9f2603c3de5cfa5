package org.carelens.adapters.fhirr4.internal;

import java.util.EnumSet;
import java.util.Set;
import org.carelens.sdk.model.Sensitivity;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads sensitivity from {@code meta.security}. FHIR R4 labels sensitive content with the HL7 v3
 * ActCode "information sensitivity policy" codes (security-labels.html#sensitivity); UK Core does
 * not add its own, so these are what an acute trust's EPR sends. Unknown labels are ignored rather
 * than guessed: policy withholds only what a label positively names.
 */
public final class SensitivityLabels {

  /** HL7 v3 ActCode, where the information sensitivity policy codes live. */
  public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

  private SensitivityLabels() {}

  public static Set<Sensitivity> of(Resource resource) {
    Set<Sensitivity> labels = EnumSet.noneOf(Sensitivity.class);
    for (Coding coding : resource.getMeta().getSecurity()) {
      if (!ACT_CODE.equals(coding.getSystem()) || !coding.hasCode()) {
        continue;
      }
      switch (coding.getCode()) {
        // HIV: HIV/AIDS information sensitivity.
        case "HIV" -> labels.add(Sensitivity.HIV);
        // STD: sexually transmitted disease; SEX: sexuality and reproductive health;
        // SDV: sexual assault, abuse or domestic violence.
        case "STD", "SEX", "SDV" -> labels.add(Sensitivity.SEXUAL_HEALTH);
        // PSY: psychiatry disorder; PSYTHPN: psychotherapy note; BH: behavioural health.
        case "PSY", "PSYTHPN", "BH" -> labels.add(Sensitivity.MENTAL_HEALTH_NOTES);
        default -> {
          // ETH, GDIS, SCA and the rest have no Carelens label yet.
        }
      }
    }
    return labels;
  }
}
