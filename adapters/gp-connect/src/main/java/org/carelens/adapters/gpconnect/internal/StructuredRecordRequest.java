package org.carelens.adapters.gpconnect.internal;

import java.util.Set;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;

/**
 * The body of {@code $gpc.getstructuredrecord}: the STU3 Parameters resource GP Connect 1.6
 * defines.
 */
public final class StructuredRecordRequest {

  private StructuredRecordRequest() {}

  /**
   * Builds the Parameters for the sections asked for. GP Connect requires at least one include
   * group, so a request that asks for neither allergies nor medication still sends {@code
   * includeAllergies} (the smaller group) to obtain the Patient; the mapper then returns no
   * allergies, because none were requested.
   */
  public static Parameters parameters(NhsNumber nhsNumber, Set<Section> sections) {
    Parameters parameters = new Parameters();
    parameters
        .addParameter()
        .setName("patientNHSNumber")
        .setValue(new Identifier().setSystem(Gpc.NHS_NUMBER_SYSTEM).setValue(nhsNumber.value()));
    boolean allergies = sections.contains(Section.ALLERGIES);
    boolean medication = sections.contains(Section.MEDICATIONS);
    boolean problems = sections.contains(Section.PROBLEMS);
    if (allergies) {
      // Ended allergies matter clinically (a resolved reaction can recur), so always ask for them.
      parameters
          .addParameter()
          .setName("includeAllergies")
          .addPart()
          .setName("includeResolvedAllergies")
          .setValue(new BooleanType(true));
    }
    if (medication) {
      // No medicationSearchFromDate part: the provider returns the whole medication record.
      parameters.addParameter().setName("includeMedication");
    }
    if (problems) {
      parameters.addParameter().setName("includeProblems");
    }
    boolean others = false;
    // GP Connect 1.6 groups without search parts: the provider's default period (all) applies.
    for (var area :
        java.util.Map.of(
                Section.ENCOUNTERS, "includeConsultations",
                Section.IMMUNISATIONS, "includeImmunisations",
                Section.REFERRALS, "includeReferrals")
            .entrySet()
            .stream()
            .sorted(java.util.Map.Entry.comparingByKey())
            .toList()) {
      if (sections.contains(area.getKey())) {
        parameters.addParameter().setName(area.getValue());
        others = true;
      }
    }
    if (sections.contains(Section.RESULTS)) {
      // Results come from investigations and from uncategorised observations (e.g. BP, weight).
      parameters.addParameter().setName("includeInvestigations");
      parameters.addParameter().setName("includeUncategorisedData");
      others = true;
    }
    if (!allergies && !medication && !problems && !others) {
      parameters
          .addParameter()
          .setName("includeAllergies")
          .addPart()
          .setName("includeResolvedAllergies")
          .setValue(new BooleanType(false));
    }
    return parameters;
  }

  /** The Parameters as GP Connect JSON. */
  public static String json(NhsNumber nhsNumber, Set<Section> sections) {
    return Gpc.STU3.newJsonParser().encodeResourceToString(parameters(nhsNumber, sections));
  }
}
