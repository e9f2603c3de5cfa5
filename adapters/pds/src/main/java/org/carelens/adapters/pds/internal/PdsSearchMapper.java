package org.carelens.adapters.pds.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.spi.SearchOutcome;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;

/**
 * Reads a PDS search answer (a {@code searchset} Bundle) into matches. The Spine error code {@code
 * TOO_MANY_MATCHES} is that outcome, not an empty list: the user must refine the search, not
 * conclude the patient is unknown. PDS sends it in more than one shape: its specification ({@code
 * patient-search.yaml}) lists it under HTTP 200, and NHS Digital's own sandbox answers it as HTTP
 * 400 with a bare OperationOutcome (severity {@code information}, code {@code not-found}); the
 * simulator puts the OperationOutcome in the searchset Bundle. All three are read the same.
 */
public final class PdsSearchMapper {

  /** The Spine error code for "too many matches: refine the search". */
  public static final String TOO_MANY_MATCHES = "TOO_MANY_MATCHES";

  private static final SearchOutcome.TooManyMatches REFINE =
      new SearchOutcome.TooManyMatches(
          "too many patients match: refine the search (add the given name, gender or postcode)");

  private PdsSearchMapper() {}

  /** "Too many matches: refine the search". */
  public static SearchOutcome refineTheSearch() {
    return REFINE;
  }

  /** "Too many matches" for an OperationOutcome that says so, whatever the HTTP status was. */
  public static Optional<SearchOutcome> tooManyMatches(OperationOutcome outcome) {
    boolean tooMany =
        outcome.getIssue().stream()
            .flatMap(i -> i.getDetails().getCoding().stream())
            .anyMatch(c -> TOO_MANY_MATCHES.equals(c.getCode()));
    return tooMany ? Optional.of(REFINE) : Optional.empty();
  }

  public static SearchOutcome map(Bundle bundle) throws MalformedPatientException {
    List<SearchOutcome.Match> matches = new ArrayList<>();
    for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
      if (entry.getResource() instanceof OperationOutcome outcome) {
        Optional<SearchOutcome> tooMany = tooManyMatches(outcome);
        if (tooMany.isPresent()) {
          return tooMany.get();
        }
        continue;
      }
      if (!(entry.getResource() instanceof Patient patient)) {
        throw new MalformedPatientException(
            "the search answer holds a " + entry.getResource().fhirType() + ", not a Patient");
      }
      NhsNumber nhsNumber = nhsNumber(patient);
      PatientIdentity identity = PdsPatientMapper.map(patient, nhsNumber);
      double score = entry.getSearch().hasScore() ? entry.getSearch().getScore().doubleValue() : 1;
      matches.add(
          new SearchOutcome.Match(
              identity,
              identity.restricted() ? Optional.empty() : postcode(patient.getAddress()),
              Math.max(0, Math.min(1, score))));
    }
    return new SearchOutcome.Matches(matches);
  }

  /** A read answer as one match with score 1. */
  public static SearchOutcome single(Patient patient, NhsNumber requested)
      throws MalformedPatientException {
    PatientIdentity identity = PdsPatientMapper.map(patient, requested);
    return new SearchOutcome.Matches(
        List.of(
            new SearchOutcome.Match(
                identity,
                identity.restricted() ? Optional.empty() : postcode(patient.getAddress()),
                1.0)));
  }

  private static NhsNumber nhsNumber(Patient patient) throws MalformedPatientException {
    String value =
        patient.getIdentifier().stream()
            .filter(i -> PdsPatientMapper.NHS_NUMBER_SYSTEM.equals(i.getSystem()))
            .map(i -> i.getValue())
            .findFirst()
            .orElseThrow(
                () -> new MalformedPatientException("a matched Patient carries no NHS number"));
    try {
      return new NhsNumber(value);
    } catch (InvalidNhsNumberException e) {
      throw new MalformedPatientException("a matched Patient's NHS number is not valid");
    }
  }

  private static Optional<String> postcode(List<Address> addresses) {
    return addresses.stream()
        .filter(a -> a.getUse() == null || a.getUse() == Address.AddressUse.HOME)
        .map(Address::getPostalCode)
        .filter(p -> p != null && !p.isBlank())
        .findFirst();
  }
}
