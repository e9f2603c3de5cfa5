package org.carelens.gateway.consent.sequences;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.DemographicSearch;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;

/**
 * The demographics source of the sequence gateways: an in-memory {@link SyntheticSource} for the
 * record, and a spine that traces the patients the sequences put on it, by NHS number or by family
 * name and date of birth (exact, as PDS's default). A restricted patient's match carries no
 * postcode (the SDK forbids one), but their identity carries an address, as a careless adapter's
 * might: the gateway must show none of it.
 */
final class SyntheticSpine implements SourceAdapter, DemographicSearch {

  /** A patient on the spine. */
  record Patient(String family, LocalDate birthDate) {}

  private final SyntheticSource record;
  private final Map<String, Patient> patients;
  private final Set<String> restricted;

  /**
   * @param patients NHS number to patient, filled by the sequences as they run
   * @param restricted the NHS numbers of restricted (S-flag) patients
   */
  SyntheticSpine(String id, Map<String, Patient> patients, Set<String> restricted) {
    this.record = new SyntheticSource(id, n -> restricted.contains(n.value()));
    this.patients = patients;
    this.restricted = restricted;
  }

  /** The postcode the spine gives for an unrestricted patient. */
  static String postcode(String nhsNumber) {
    return "POSTCODE-" + nhsNumber;
  }

  /** The address the spine's identity carries for a patient, restricted or not. */
  static String address(String nhsNumber) {
    return "ADDRESS-spine-" + nhsNumber;
  }

  @Override
  public SourceDescriptor descriptor() {
    return record.descriptor();
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) {
    return record.fetch(request);
  }

  @Override
  public DocumentOutcome fetchDocument(DocumentRequest request) {
    return record.fetchDocument(request);
  }

  @Override
  public SearchOutcome search(DemographicQuery query, RequestContext context) {
    List<SearchOutcome.Match> matches = new ArrayList<>();
    patients.forEach(
        (nhsNumber, p) -> {
          if (p.family().equalsIgnoreCase(query.family())
              && p.birthDate().equals(query.birthDate())) {
            matches.add(match(nhsNumber, p));
          }
        });
    return matches.size() > query.maxResults()
        ? new SearchOutcome.TooManyMatches("more than " + query.maxResults())
        : new SearchOutcome.Matches(matches);
  }

  @Override
  public SearchOutcome lookup(NhsNumber nhsNumber, RequestContext context) {
    Patient p = patients.get(nhsNumber.value());
    return new SearchOutcome.Matches(p == null ? List.of() : List.of(match(nhsNumber.value(), p)));
  }

  private SearchOutcome.Match match(String nhsNumber, Patient p) {
    boolean isRestricted = restricted.contains(nhsNumber);
    PatientIdentity identity =
        new PatientIdentity(
            new NhsNumber(nhsNumber),
            new HumanName(p.family(), List.of("Pat"), Optional.empty()),
            p.birthDate(),
            Gender.FEMALE,
            Optional.of(address(nhsNumber)),
            Optional.of("PHONE-spine-" + nhsNumber),
            Optional.of("PRACTICE-spine"),
            Optional.empty(),
            isRestricted);
    return new SearchOutcome.Match(
        identity, isRestricted ? Optional.empty() : Optional.of(postcode(nhsNumber)), 1.0);
  }
}
