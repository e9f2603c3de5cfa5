package org.carelens.gateway.search;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.RequestFacts;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.InvalidNhsNumberException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.spi.DemographicQuery;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SearchOutcome;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/patients?nhsNumber=…} or {@code ?family=&given=&birthdate=&gender=&postcode=}:
 * finds patients on the spine for a session's user, answering {@code {"matches":[{"nhsNumber",
 * "name","birthDate","gender","postcode","restricted","deceased","score"}]}}. Finding a patient
 * opens nothing: their record needs a relationship claim ({@code POST .../relationship}).
 *
 * <p>Only roles in the agreement's {@code signIn.searchRoles} (403 {@code ROLE_MAY_NOT_SEARCH}).
 * Criteria: a valid NHS number (Modulus 11; 400 {@code INVALID_NHS_NUMBER}), or family name and
 * date of birth at least (400 {@code SEARCH_CRITERIA_INSUFFICIENT}). More matches than {@code
 * carelens.search.max-results} (default {@link #MAX_RESULTS}): 422 {@code TOO_MANY_MATCHES}
 * ("refine the search"), never a partial list. The spine unreachable: 502 {@code
 * SPINE_UNAVAILABLE}, never an empty list that would read as "not found". Restricted (S-flag)
 * patients have no postcode.
 *
 * <p>Every search that reaches the spine is audited ({@code PATIENT_SEARCH}) before the answer is
 * returned, with its criteria: NHS number and date of birth in clear, names and postcode masked
 * ({@link Masking}), and the NHS numbers shown. Rate-limited per user and address ({@link
 * RateLimit#SEARCHES}).
 */
@Controller("/api/v1/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "search", description = "Finding a patient when not launched in context")
public class PatientSearchController {

  /** PDS's default result limit: enough to pick from, few enough to check each. */
  static final int MAX_RESULTS = 10;

  private final int maxResults;

  private final SessionGuard sessions;
  private final Spine spine;
  private final AccessPolicy policy;
  private final AuditTrail audit;

  public PatientSearchController(
      SessionGuard sessions,
      Spine spine,
      AccessPolicy policy,
      AuditTrail audit,
      @io.micronaut.context.annotation.Value("${carelens.search.max-results:10}") int maxResults) {
    if (maxResults < 1 || maxResults > 50) {
      throw new IllegalStateException(
          "carelens.search.max-results must be 1 to 50 (PDS's own bound), was " + maxResults);
    }
    this.maxResults = maxResults;
    this.sessions = sessions;
    this.spine = spine;
    this.policy = policy;
    this.audit = audit;
  }

  @Get
  @RateLimited(RateLimit.SEARCHES)
  @Operation(
      summary = "Find a patient by NHS number or by their details",
      description =
          "nhsNumber, or family and birthdate (yyyy-mm-dd) with optional given, gender and"
              + " postcode; fuzzy=true also matches near names. Audited with names and postcode"
              + " masked.")
  public HttpResponse<SearchResponse> search(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String nhsNumber,
      @QueryValue @Nullable String family,
      @QueryValue @Nullable String given,
      @QueryValue @Nullable String birthdate,
      @QueryValue @Nullable String gender,
      @QueryValue @Nullable String postcode,
      @QueryValue @Nullable Boolean fuzzy)
      throws InterruptedException {
    GatewaySession session = sessions.require(authorization);
    LaunchContext user = session.launch();
    java.util.Set<Role> allowed = policy.agreement().signIn().searchRoles();
    if (!allowed.contains(user.role())) {
      throw sessions.refused(
          session,
          null,
          ProblemException.forbidden(
              "ROLE_MAY_NOT_SEARCH",
              "The sharing agreement allows only %s to search for patients; this session's role is %s"
                  .formatted(
                      allowed.stream().map(Role::code).sorted().toList(), user.role().code())));
    }
    Map<String, @Nullable Object> criteria = new LinkedHashMap<>();
    SearchOutcome outcome;
    RequestContext context = context(user);
    if (present(nhsNumber)) {
      NhsNumber number = validNhsNumber(nhsNumber);
      criteria.put("nhsNumber", number.value());
      outcome = spine.lookup(number, context);
    } else {
      DemographicQuery query = query(family, given, birthdate, gender, postcode, fuzzy, maxResults);
      criteria.put("family", Masking.mask(query.family()));
      criteria.put("given", query.given().map(Masking::mask).orElse(null));
      criteria.put("birthDate", query.birthDate().toString());
      criteria.put(
          "gender", query.gender().map(g -> g.name().toLowerCase(Locale.ROOT)).orElse(null));
      criteria.put("postcode", query.postcode().map(Masking::mask).orElse(null));
      criteria.put("fuzzy", query.fuzzy());
      outcome = spine.search(query, context);
    }
    AuditEvent.Builder event =
        AuditEvent.builder(
                AuditEventType.PATIENT_SEARCH,
                outcome instanceof SearchOutcome.Matches
                    ? AuditOutcome.SUCCESS
                    : AuditOutcome.REFUSED)
            .launch(user)
            .detail("criteria", criteria)
            .detail("request", RequestFacts.current());
    if (criteria.get("nhsNumber") instanceof String number) {
      event.patient(new NhsNumber(number));
    }
    return switch (outcome) {
      case SearchOutcome.Matches matches -> {
        // Audit before display: the entry commits before anyone sees who was found.
        audit.append(
            event
                .detail(
                    "shown",
                    matches.matches().stream().map(m -> m.identity().nhsNumber().value()).toList())
                .build());
        yield HttpResponse.ok(
                new SearchResponse(
                    matches.matches().stream().map(PatientSearchController::view).toList()))
            .header("Cache-Control", "no-store");
      }
      case SearchOutcome.TooManyMatches tooMany -> {
        audit.append(event.reason("TOO_MANY_MATCHES").build());
        throw new ProblemException(
            HttpStatus.UNPROCESSABLE_ENTITY,
            "TOO_MANY_MATCHES",
            "Too many matches",
            "Too many matches: refine the search (add the given name, gender or postcode)");
      }
      case SearchOutcome.Invalid invalid -> {
        audit.append(event.reason("SEARCH_CRITERIA_INVALID").build());
        throw ProblemException.badRequest("SEARCH_CRITERIA_INVALID", invalid.detail());
      }
      case SearchOutcome.Failed failed -> {
        audit.append(event.reason("SPINE_UNAVAILABLE").detail("cause", failed.detail()).build());
        throw new ProblemException(
            HttpStatus.BAD_GATEWAY,
            "SPINE_UNAVAILABLE",
            "Spine unavailable",
            "The demographics spine could not be searched, so no result can be shown; try again"
                + " shortly");
      }
    };
  }

  private static Match view(SearchOutcome.Match match) {
    var identity = match.identity();
    return new Match(
        identity.nhsNumber().value(),
        displayName(identity.name()),
        identity.birthDate(),
        identity.gender().name().toLowerCase(Locale.ROOT),
        identity.restricted() ? null : match.postcode().orElse(null),
        identity.restricted(),
        identity.deceasedDate().isPresent(),
        match.score());
  }

  /** CUI style: family name in capitals, then given names, then the title in brackets. */
  static String displayName(HumanName name) {
    StringBuilder text = new StringBuilder(name.family().toUpperCase(Locale.UK));
    if (!name.given().isEmpty()) {
      text.append(", ").append(String.join(" ", name.given()));
    }
    name.title().ifPresent(p -> text.append(" (").append(p).append(')'));
    return text.toString();
  }

  private static DemographicQuery query(
      @Nullable String family,
      @Nullable String given,
      @Nullable String birthdate,
      @Nullable String gender,
      @Nullable String postcode,
      @Nullable Boolean fuzzy,
      int maxResults) {
    if (!present(family) || !present(birthdate)) {
      throw ProblemException.badRequest(
          "SEARCH_CRITERIA_INSUFFICIENT",
          "Give an NHS number, or at least the family name and date of birth (birthdate,"
              + " yyyy-mm-dd)");
    }
    LocalDate born;
    try {
      born = LocalDate.parse(birthdate.strip());
    } catch (DateTimeParseException e) {
      throw ProblemException.badRequest(
          "SEARCH_CRITERIA_INVALID",
          "birthdate must be a date, yyyy-mm-dd, was '" + birthdate + "'");
    }
    Optional<Gender> sex = Optional.empty();
    if (present(gender)) {
      try {
        sex = Optional.of(Gender.valueOf(gender.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw ProblemException.badRequest(
            "SEARCH_CRITERIA_INVALID", "gender must be male, female, other or unknown");
      }
    }
    if (present(postcode) && !postcode.strip().matches("[A-Za-z0-9 ]{2,8}")) {
      throw ProblemException.badRequest(
          "SEARCH_CRITERIA_INVALID", "postcode must be a UK postcode, e.g. LS6 2AB");
    }
    if (family.strip().length() > 100 || (present(given) && given.strip().length() > 100)) {
      throw ProblemException.badRequest(
          "SEARCH_CRITERIA_INVALID", "names are at most 100 characters");
    }
    return new DemographicQuery(
        family.strip(),
        present(given) ? Optional.of(given.strip()) : Optional.empty(),
        born,
        sex,
        present(postcode) ? Optional.of(postcode.strip().toUpperCase(Locale.UK)) : Optional.empty(),
        Boolean.TRUE.equals(fuzzy),
        maxResults);
  }

  private static NhsNumber validNhsNumber(String value) {
    try {
      return NhsNumber.parse(value);
    } catch (InvalidNhsNumberException e) {
      throw ProblemException.badRequest("INVALID_NHS_NUMBER", e.getMessage());
    }
  }

  private static boolean present(@Nullable String value) {
    return value != null && !value.isBlank();
  }

  private static RequestContext context(LaunchContext user) {
    return new RequestContext(
        UUID.randomUUID().toString(),
        user.userId(),
        user.userName(),
        user.role().code(),
        user.organisationOds(),
        user.organisationName());
  }

  /** The answer: matches best first; empty when nobody matches. */
  @Serdeable
  public record SearchResponse(List<Match> matches) {}

  /**
   * One patient found.
   *
   * @param postcode null for a restricted patient, whose address the spine never gives
   */
  @Serdeable
  public record Match(
      String nhsNumber,
      String name,
      LocalDate birthDate,
      String gender,
      @Nullable String postcode,
      boolean restricted,
      boolean deceased,
      double score) {}
}
