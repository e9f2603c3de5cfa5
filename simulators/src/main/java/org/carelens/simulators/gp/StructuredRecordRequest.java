package org.carelens.simulators.gp;

import static org.carelens.simulators.gp.GpConnectException.ErrorCode.INVALID_NHS_NUMBER;
import static org.carelens.simulators.gp.GpConnectException.ErrorCode.INVALID_PARAMETER;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.hl7.fhir.dstu3.model.BooleanType;
import org.hl7.fhir.dstu3.model.DateType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Parameters;
import org.hl7.fhir.dstu3.model.Parameters.ParametersParameterComponent;

/**
 * What a {@code gpc.getstructuredrecord} call asks for, read from its Parameters resource.
 *
 * @param includeAllergies the {@code includeAllergies} parameter was sent
 * @param medicationSearchFromDate only courses still running on or after this date are returned
 */
record StructuredRecordRequest(
    NhsNumber nhsNumber,
    boolean includeAllergies,
    boolean includeResolvedAllergies,
    boolean includeMedication,
    Optional<LocalDate> medicationSearchFromDate,
    Set<String> alsoIncluded) {

  StructuredRecordRequest {
    alsoIncluded = Set.copyOf(alsoIncluded);
  }

  boolean includeProblems() {
    return alsoIncluded.contains("includeProblems");
  }

  boolean includes(String parameterName) {
    return alsoIncluded.contains(parameterName);
  }

  StructuredRecordRequest(
      NhsNumber nhsNumber,
      boolean includeAllergies,
      boolean includeResolvedAllergies,
      boolean includeMedication,
      Optional<LocalDate> medicationSearchFromDate) {
    this(
        nhsNumber,
        includeAllergies,
        includeResolvedAllergies,
        includeMedication,
        medicationSearchFromDate,
        Set.of());
  }

  // GP Connect 1.6 clinical areas answered from the practice's journal (their search parts, e.g.
  // consultationSearchPeriod, are accepted and not applied).
  private static final Set<String> OTHER_AREAS =
      Set.of(
          "includeProblems",
          "includeConsultations",
          "includeImmunisations",
          "includeUncategorisedData",
          "includeInvestigations",
          "includeReferrals");

  /**
   * Reads and validates the parameters.
   *
   * @param today the practice's current date; a search date after it is invalid (GP Connect 1.6)
   * @throws GpConnectException with INVALID_PARAMETER or INVALID_NHS_NUMBER
   */
  static StructuredRecordRequest from(Parameters parameters, LocalDate today) {
    Set<String> seen = new HashSet<>();
    NhsNumber nhsNumber = null;
    boolean allergies = false;
    boolean resolved = false;
    boolean medication = false;
    Set<String> others = new HashSet<>();
    Optional<LocalDate> fromDate = Optional.empty();
    for (ParametersParameterComponent parameter : parameters.getParameter()) {
      String name = parameter.getName();
      if (!seen.add(String.valueOf(name))) {
        throw invalid("parameter '" + name + "' appears more than once");
      }
      switch (String.valueOf(name)) {
        case "patientNHSNumber" -> nhsNumber = nhsNumber(parameter);
        case "includeAllergies" -> {
          allergies = true;
          resolved = booleanPart(parameter, "includeResolvedAllergies");
        }
        case "includeMedication" -> {
          medication = true;
          fromDate = datePart(parameter, "medicationSearchFromDate", today);
        }
        default -> {
          if (!OTHER_AREAS.contains(name)) {
            throw invalid("unknown parameter '" + name + "'");
          }
          others.add(name);
        }
      }
    }
    if (nhsNumber == null) {
      throw invalid("the patientNHSNumber parameter is required");
    }
    return new StructuredRecordRequest(
        nhsNumber, allergies, resolved, medication, fromDate, others);
  }

  private static NhsNumber nhsNumber(ParametersParameterComponent parameter) {
    if (!(parameter.getValue() instanceof Identifier identifier)) {
      throw invalid("patientNHSNumber must be a valueIdentifier");
    }
    if (!GpConnect.NHS_NUMBER_SYSTEM.equals(identifier.getSystem())) {
      throw invalid(
          "patientNHSNumber system must be %s, was '%s'"
              .formatted(GpConnect.NHS_NUMBER_SYSTEM, identifier.getSystem()));
    }
    try {
      return new NhsNumber(String.valueOf(identifier.getValue()));
    } catch (InvalidNhsNumberException e) {
      throw new GpConnectException(INVALID_NHS_NUMBER, e.getMessage());
    }
  }

  private static boolean booleanPart(ParametersParameterComponent parameter, String partName) {
    Optional<ParametersParameterComponent> part = onlyPart(parameter, partName);
    if (part.isEmpty()) {
      return false;
    }
    if (!(part.get().getValue() instanceof BooleanType value) || value.getValue() == null) {
      throw invalid(partName + " must be a valueBoolean");
    }
    return value.booleanValue();
  }

  private static Optional<LocalDate> datePart(
      ParametersParameterComponent parameter, String partName, LocalDate today) {
    Optional<ParametersParameterComponent> part = onlyPart(parameter, partName);
    if (part.isEmpty()) {
      return Optional.empty();
    }
    if (!(part.get().getValue() instanceof DateType value) || value.getValue() == null) {
      throw invalid(partName + " must be a valueDate");
    }
    // A partial date (year, or year and month) means from the start of that period.
    String text = value.getValueAsString();
    LocalDate date =
        LocalDate.parse(
            text.length() == 4 ? text + "-01-01" : text.length() == 7 ? text + "-01" : text);
    if (date.isAfter(today)) {
      throw invalid(partName + " must not be in the future, was " + date);
    }
    return Optional.of(date);
  }

  private static Optional<ParametersParameterComponent> onlyPart(
      ParametersParameterComponent parameter, String partName) {
    List<ParametersParameterComponent> parts = parameter.getPart();
    for (ParametersParameterComponent part : parts) {
      // includePrescriptionIssues is accepted; this practice returns no issue records.
      if (!partName.equals(part.getName()) && !"includePrescriptionIssues".equals(part.getName())) {
        throw invalid(
            "unknown part '%s' in parameter '%s'".formatted(part.getName(), parameter.getName()));
      }
    }
    List<ParametersParameterComponent> matching =
        parts.stream().filter(p -> partName.equals(p.getName())).toList();
    if (matching.size() > 1) {
      throw invalid("part '" + partName + "' appears more than once");
    }
    return matching.stream().findFirst();
  }

  private static GpConnectException invalid(String diagnostics) {
    return new GpConnectException(INVALID_PARAMETER, diagnostics);
  }
}
