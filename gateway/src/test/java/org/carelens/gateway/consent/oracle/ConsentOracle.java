package org.carelens.gateway.consent.oracle;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the gateway must answer, worked out from the history of what was done: launches, sign-ins,
 * self-claims, permissions to view, break-glass, dissent and its revocation, each at its time.
 * Given a session and a patient it says which (source, section, label) items a view may show
 * ({@link ConsentRules} for each), whom a search lists and how, and for every other request which
 * answer is right.
 *
 * <p>A session opened by signing in (issue 11) is bound to no patient. PRODUCT.md rule 1 and the
 * agreement's {@code signIn} block: it opens a patient only by a relationship claim with a coded
 * reason (by a role in {@code signIn.searchRoles}, under the self-claim daily cap, and as a
 * self-claim: sensitive items withheld) or by break-glass (the roles {@code breakGlass.roles}
 * names). It records no permission to view: the agreement allows that only for the patient the
 * session was launched for.
 *
 * <p>Only what was accepted is history: a caller records an action here only after asking this
 * oracle whether it should succeed, so the history is the one the rules allow.
 */
public final class ConsentOracle {

  /** An answer: the HTTP status and, for a refusal, its reason code. */
  public record Answer(int status, String code) {

    static final Answer CREATED = new Answer(201, "");
    static final Answer OK = new Answer(200, "");

    public boolean succeeded() {
      return status / 100 == 2;
    }

    @Override
    public String toString() {
      return code.isEmpty() ? String.valueOf(status) : status + " " + code;
    }
  }

  /** One item a source holds: its section and its sensitivity label, if any. */
  public record Item(String source, String section, Optional<String> label) {
    @Override
    public String toString() {
      return source + "/" + section + label.map(l -> "[" + l + "]").orElse("");
    }
  }

  /**
   * What a view must show.
   *
   * @param items exactly the items it must show
   * @param openSources the sources whose share of the patient's contact details (address,
   *     telephone, practice) it may show: none for a restricted patient
   * @param breakGlassActive whether it must show the break-glass banner (rule 7: visibly active,
   *     and only while active)
   */
  public record View(
      Answer answer, Set<Item> items, Set<String> openSources, boolean breakGlassActive) {}

  /**
   * What a sign-in must answer, and on success who the session acts as: the role the agreement maps
   * the national role to, the organisation type it lists the organisation under.
   */
  public record SignedIn(Answer answer, Optional<ConsentRules.Viewer> viewer) {}

  /** A patient a search must list: their NHS number, and whether they are restricted. */
  public record Listed(String nhsNumber, boolean restricted) {}

  /**
   * What a search must answer: on success exactly these patients, each restricted one without a
   * postcode or any other part of their address.
   */
  public record Found(Answer answer, List<Listed> listed) {}

  /** A patient on the demographics spine, as a search by details finds them. */
  private record OnSpine(String family, LocalDate birthDate) {}

  /**
   * A session: who, and the patient it was launched for; none when the user signed in (issue 11).
   */
  private record Session(
      ConsentRules.Viewer viewer, Optional<String> launchedFor, Instant launchedAt) {}

  private record Claim(String session, String user, String patient, Instant at) {}

  private record Glass(String session, String user, String patient, Instant from, Instant until) {}

  private record PermissionFact(String patient, String user, String ods, Instant until) {}

  private final Set<Integer> revokedPermissions = new LinkedHashSet<>();

  private record DissentFact(String patient, Optional<String> source) {}

  private final ConsentRules rules;
  private final Duration sessionLifetime;
  private final Duration sessionIdle;
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, Instant> lastUsed = new LinkedHashMap<>();
  private final List<Claim> claims = new ArrayList<>();
  private final List<Glass> glasses = new ArrayList<>();
  private final List<PermissionFact> permissions = new ArrayList<>();
  private final List<DissentFact> dissents = new ArrayList<>();
  private final Set<Integer> revoked = new LinkedHashSet<>();
  private final Set<String> restricted = new LinkedHashSet<>();
  private final Map<String, OnSpine> spine = new LinkedHashMap<>();

  /**
   * @param sessionLifetime how long a gateway session lasts from launch
   * @param sessionIdle how long it lasts without a request
   */
  public ConsentOracle(ConsentRules rules, Duration sessionLifetime, Duration sessionIdle) {
    this.rules = rules;
    this.sessionLifetime = sessionLifetime;
    this.sessionIdle = sessionIdle;
  }

  public ConsentRules rules() {
    return rules;
  }

  /**
   * {@code patient} is restricted (the S-flag, PRODUCT.md rule 8): no view shows their address,
   * telephone or registered practice, from any source.
   */
  public void restricted(String patient) {
    restricted.add(patient);
  }

  /** A launch in context: a new session for {@code viewer} and {@code patient}. */
  public void launched(String session, ConsentRules.Viewer viewer, String patient, Instant at) {
    sessions.put(session, new Session(viewer, Optional.of(patient), at));
    lastUsed.put(session, at);
  }

  /** {@code patient} is on the demographics spine with this family name and date of birth. */
  public void onSpine(String patient, String family, LocalDate birthDate) {
    spine.put(patient, new OnSpine(family, birthDate));
  }

  /**
   * {@code user} signs in with an ID token from a trusted identity provider, having selected the
   * national RBAC job role {@code nationalRole} at organisation {@code ods}: a new session bound to
   * no patient if the agreement maps the role and lists the organisation (issue 11); records it if
   * it should succeed.
   */
  public SignedIn signIn(String session, String user, String nationalRole, String ods, Instant at) {
    AgreementRules.SignIn rule = rules.agreement().signIn();
    String role = rule.nationalRoles().get(nationalRole);
    if (role == null) {
      return new SignedIn(new Answer(401, "NATIONAL_ROLE_NOT_MAPPED"), Optional.empty());
    }
    String type = rule.organisations().get(ods);
    if (type == null) {
      return new SignedIn(new Answer(401, "ORGANISATION_NOT_IN_AGREEMENT"), Optional.empty());
    }
    ConsentRules.Viewer viewer = new ConsentRules.Viewer(user, role, ods, type);
    sessions.put(session, new Session(viewer, Optional.empty(), at));
    lastUsed.put(session, at);
    return new SignedIn(Answer.CREATED, Optional.of(viewer));
  }

  /**
   * A search of the spine by NHS number ({@code nhsNumber}) or by family name and date of birth
   * ({@code details}): only roles in {@code signIn.searchRoles} may search, from any session; an
   * NHS number must pass Modulus 11; the answer lists exactly the spine's patients who match, each
   * restricted one marked so (and shown without an address, PRODUCT.md rule 8). Finding a patient
   * opens nothing.
   */
  public Found search(
      String session,
      Optional<String> nhsNumber,
      Optional<Map.Entry<String, LocalDate>> details,
      Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return new Found(ended.get(), List.of());
    }
    ConsentRules.Viewer viewer = sessions.get(session).viewer();
    if (!rules.agreement().signIn().searchRoles().contains(viewer.role())) {
      return new Found(new Answer(403, "ROLE_MAY_NOT_SEARCH"), List.of());
    }
    if (nhsNumber.isPresent() && !modulus11(nhsNumber.get())) {
      return new Found(new Answer(400, "INVALID_NHS_NUMBER"), List.of());
    }
    List<Listed> listed = new ArrayList<>();
    spine.forEach(
        (patient, on) -> {
          boolean matches =
              nhsNumber.isPresent()
                  ? nhsNumber.get().equals(patient)
                  : details.isPresent()
                      && on.family().equalsIgnoreCase(details.get().getKey())
                      && on.birthDate().equals(details.get().getValue());
          if (matches) {
            listed.add(new Listed(patient, restricted.contains(patient)));
          }
        });
    return new Found(Answer.OK, listed);
  }

  /** Whether {@code number} is ten digits whose last is their Modulus 11 check digit. */
  private static boolean modulus11(String number) {
    if (!number.matches("\\d{10}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (number.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    return check != 10 && (check == 11 ? 0 : check) == number.charAt(9) - '0';
  }

  /** A self-claimed relationship with {@code patient}; records it if it should succeed. */
  public Answer claim(String session, String patient, String reasonCode, Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return ended.get();
    }
    Session s = sessions.get(session);
    AgreementRules.SelfClaim rule = rules.agreement().selfClaim();
    if (s.launchedFor().isEmpty()) {
      // Signed in: opening a patient found is a claim by a role that may search (issue 11).
      if (!rules.agreement().signIn().searchRoles().contains(s.viewer().role())) {
        return new Answer(403, "ROLE_MAY_NOT_OPEN_PATIENT");
      }
    } else if (!rule.roles().contains(s.viewer().role())) {
      return new Answer(403, "ROLE_MAY_NOT_SELF_CLAIM");
    }
    if (s.launchedFor().equals(Optional.of(patient))) {
      return new Answer(409, "RELATIONSHIP_ALREADY_ESTABLISHED");
    }
    if (!rule.reasonCodes().contains(reasonCode)) {
      return new Answer(400, "UNKNOWN_RELATIONSHIP_REASON");
    }
    long today =
        claims.stream()
            .filter(c -> c.user().equals(s.viewer().user()) && inDay(c.at(), now))
            .count();
    if (today + 1 > rule.dailyCap()) {
      return new Answer(429, "SELF_CLAIM_LIMIT");
    }
    claims.add(new Claim(session, s.viewer().user(), patient, now));
    return Answer.CREATED;
  }

  /**
   * Permission to view for {@code patient}, lasting until {@code until} (empty: the agreement's
   * longest); records it if it should succeed.
   */
  public Answer permission(String session, String patient, Optional<Instant> until, Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return ended.get();
    }
    Session s = sessions.get(session);
    AgreementRules.Permission rule = rules.agreement().permission();
    if (!rule.roles().contains(s.viewer().role())) {
      return new Answer(403, "ROLE_MAY_NOT_RECORD_PERMISSION");
    }
    if (!s.launchedFor().equals(Optional.of(patient))) {
      // Only for the patient present, the one launched for: never a claimed one (the agreement).
      return new Answer(403, "PERMISSION_NEEDS_LAUNCHED_PATIENT");
    }
    Instant end = until.orElse(now.plus(rule.maxDuration()));
    if (!end.isAfter(now)) {
      return new Answer(400, "INVALID_PERMISSION");
    }
    if (end.isAfter(now.plus(rule.maxDuration()))) {
      return new Answer(400, "PERMISSION_TOO_LONG");
    }
    permissions.add(new PermissionFact(patient, s.viewer().user(), s.viewer().ods(), end));
    return Answer.CREATED;
  }

  /** How many permissions to view have been recorded: the next one's number. */
  public int permissionsRecorded() {
    return permissions.size();
  }

  /**
   * {@code session} revokes permission number {@code permission} (in the order recorded); records
   * it if it should succeed. An IG officer may revoke any; anyone else needs a role that may record
   * permission, a way in to the patient (launch, claim or break-glass, even one that has ended) and
   * the organisation that recorded it.
   */
  public Answer revokePermission(String session, int permission, Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return ended.get();
    }
    ConsentRules.Viewer viewer = sessions.get(session).viewer();
    PermissionFact p = permissions.get(permission);
    if (!rules.agreement().igRoles().contains(viewer.role())) {
      if (!rules.agreement().permission().roles().contains(viewer.role())) {
        return new Answer(403, "ROLE_MAY_NOT_REVOKE_PERMISSION");
      }
      if (access(session, p.patient(), now).isEmpty()) {
        return new Answer(403, "PATIENT_NOT_IN_SESSION");
      }
      if (!viewer.ods().equals(p.ods())) {
        return new Answer(403, "PERMISSION_OF_ANOTHER_ORGANISATION");
      }
    }
    return revokedPermissions.add(permission)
        ? Answer.OK
        : new Answer(409, "PERMISSION_ALREADY_REVOKED");
  }

  /** The register's IG officer revokes permission number {@code permission}. */
  public Answer revokePermissionAsIgOfficer(int permission) {
    return revokedPermissions.add(permission)
        ? Answer.OK
        : new Answer(409, "PERMISSION_ALREADY_REVOKED");
  }

  /** A break-glass declaration for {@code patient}; records it if it should succeed. */
  public Answer breakGlass(String session, String patient, Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return ended.get();
    }
    Session s = sessions.get(session);
    AgreementRules.BreakGlass rule = rules.agreement().breakGlass();
    if (!rule.roles().contains(s.viewer().role())) {
      return new Answer(403, "ROLE_MAY_NOT_BREAK_GLASS");
    }
    long today =
        glasses.stream()
            .filter(g -> g.user().equals(s.viewer().user()) && inDay(g.from(), now))
            .count();
    if (today + 1 > rule.dailyCap()) {
      return new Answer(429, "BREAK_GLASS_LIMIT");
    }
    glasses.add(new Glass(session, s.viewer().user(), patient, now, now.plus(rule.duration())));
    return Answer.CREATED;
  }

  /**
   * A dissent registered by an IG officer, from the whole record ({@code source} empty) or one
   * source.
   *
   * @return its number, for {@link #revoke}
   */
  public int dissent(String patient, Optional<String> source) {
    dissents.add(new DissentFact(patient, source));
    return dissents.size() - 1;
  }

  /** Revokes dissent number {@code dissent}: 409 if it already was. */
  public Answer revoke(int dissent) {
    return revoked.add(dissent) ? Answer.OK : new Answer(409, "DISSENT_ALREADY_REVOKED");
  }

  /**
   * What a view of {@code patient} by {@code session} at {@code now} must show, of the items {@code
   * sources} hold in every section with each of {@code labels} (empty: unlabelled).
   */
  public View view(
      String session,
      String patient,
      Collection<String> sources,
      Collection<Optional<String>> labels,
      Instant now) {
    Optional<Answer> ended = use(session, now);
    if (ended.isPresent()) {
      return new View(ended.get(), Set.of(), Set.of(), false);
    }
    Optional<ConsentRules.Access> access = access(session, patient, now);
    if (access.isEmpty()) {
      return new View(new Answer(403, "PATIENT_NOT_IN_SESSION"), Set.of(), Set.of(), false);
    }
    ConsentRules.Viewer viewer = sessions.get(session).viewer();
    ConsentRules.Consent consent = consent(patient, now);
    Set<Item> items = new LinkedHashSet<>();
    Set<String> open = new LinkedHashSet<>();
    for (String source : sources) {
      if (rules.sourceOpen(viewer, access.get(), consent, source)
          && !restricted.contains(patient)) {
        open.add(source);
      }
      for (String section : AgreementRules.SECTIONS) {
        for (Optional<String> label : labels) {
          if (rules.shows(viewer, access.get(), consent, source, section, label)) {
            items.add(new Item(source, section, label));
          }
        }
      }
    }
    return new View(Answer.OK, items, open, access.get() == ConsentRules.Access.BREAK_GLASS);
  }

  /**
   * How this session stands with this patient now (PRODUCT.md rules 1 and 7): an active break-glass
   * it declared for them; else its launch; else its claim; else, if its only way in was a
   * break-glass that has ended, nothing; empty when it never had a way in (the view is refused).
   */
  private Optional<ConsentRules.Access> access(String session, String patient, Instant now) {
    List<Glass> declared =
        glasses.stream()
            .filter(g -> g.session().equals(session) && g.patient().equals(patient))
            .toList();
    if (declared.stream().anyMatch(g -> !now.isBefore(g.from()) && now.isBefore(g.until()))) {
      return Optional.of(ConsentRules.Access.BREAK_GLASS);
    }
    if (sessions.get(session).launchedFor().equals(Optional.of(patient))) {
      return Optional.of(ConsentRules.Access.LAUNCHED);
    }
    if (claims.stream().anyMatch(c -> c.session().equals(session) && c.patient().equals(patient))) {
      return Optional.of(ConsentRules.Access.SELF_CLAIMED);
    }
    return declared.isEmpty() ? Optional.empty() : Optional.of(ConsentRules.Access.NONE);
  }

  private ConsentRules.Consent consent(String patient, Instant now) {
    List<DissentFact> inForce = new ArrayList<>();
    for (int i = 0; i < dissents.size(); i++) {
      if (!revoked.contains(i) && dissents.get(i).patient().equals(patient)) {
        inForce.add(dissents.get(i));
      }
    }
    return new ConsentRules.Consent(
        inForce.stream().anyMatch(d -> d.source().isEmpty()),
        inForce.stream().flatMap(d -> d.source().stream()).collect(Collectors.toSet()),
        permissionsInForce(patient, now));
  }

  /** Permissions for {@code patient} neither lapsed nor revoked. */
  private List<ConsentRules.Permission> permissionsInForce(String patient, Instant now) {
    List<ConsentRules.Permission> inForce = new ArrayList<>();
    for (int i = 0; i < permissions.size(); i++) {
      PermissionFact p = permissions.get(i);
      if (!revokedPermissions.contains(i)
          && p.patient().equals(patient)
          && now.isBefore(p.until())) {
        inForce.add(new ConsentRules.Permission(p.user(), p.ods()));
      }
    }
    return inForce;
  }

  /**
   * A request carrying this session's token: 401 once the session has ended (its lifetime since
   * launch, or its idle time since its last request); otherwise the request counts as activity.
   */
  private Optional<Answer> use(String session, Instant now) {
    Session s = sessions.get(session);
    boolean ended =
        !now.isBefore(s.launchedAt().plus(sessionLifetime))
            || !now.isBefore(lastUsed.get(session).plus(sessionIdle));
    if (ended) {
      return Optional.of(new Answer(401, "SESSION_EXPIRED"));
    }
    lastUsed.put(session, now);
    return Optional.empty();
  }

  /** Whether {@code at} falls in the 24 hours that end at {@code now} (a rolling day). */
  private static boolean inDay(Instant at, Instant now) {
    return at.isAfter(now.minus(Duration.ofHours(24)));
  }
}
