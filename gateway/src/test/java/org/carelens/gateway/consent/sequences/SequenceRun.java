package org.carelens.gateway.consent.sequences;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.consent.oracle.AgreementRules;
import org.carelens.gateway.consent.oracle.ConsentOracle;
import org.carelens.gateway.consent.oracle.ConsentRules;
import org.carelens.sdk.model.Sensitivity;
import org.jspecify.annotations.Nullable;

/**
 * Plays one {@link Scenario} against the gateway and a fresh {@link ConsentOracle}, step by step,
 * and stops at the first answer the oracle disagrees with, telling the sequence so far as a story.
 * Every run has its own users and patients (fresh ids and NHS numbers), so runs sharing one gateway
 * never see each other's claims, caps, permissions, dissent or cache entries.
 */
final class SequenceRun {

  private static final AtomicLong RUNS = new AtomicLong();
  private static final AtomicLong NEXT_PATIENT = new AtomicLong(1);
  private static final Pattern MARKER =
      Pattern.compile(
          "MARK\\|([A-Za-z0-9-]+)\\|([A-Za-z]+)\\|([A-Za-z_]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTITY =
      Pattern.compile("(?:ADDRESS|PHONE|PRACTICE|CONTACT)-([a-z0-9-]+)");
  private static final Pattern TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ROLE = Pattern.compile("\"role\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");

  /** One match of a search's answer: its NHS number, and the object up to its closing brace. */
  private static final Pattern MATCH = Pattern.compile("\\{\"nhsNumber\":\"(\\d+)\"[^}]*\\}");

  private static final String BREAK_GLASS_REASON = "Immediate risk to life";

  /** What every run added up to, printed when the property finishes. */
  static final class Counts {
    final AtomicLong sequences = new AtomicLong();
    final AtomicLong actions = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong views = new AtomicLong();
    final AtomicLong streams = new AtomicLong();
    final AtomicLong warmViews = new AtomicLong();
    final AtomicLong itemsJudged = new AtomicLong();
    final AtomicLong itemsShown = new AtomicLong();
    final AtomicLong refusalsChecked = new AtomicLong();
    final AtomicLong permissionsRevoked = new AtomicLong();
    final AtomicLong restrictedViews = new AtomicLong();
    final AtomicLong documentsOpened = new AtomicLong();
    final AtomicLong documentsRefused = new AtomicLong();
    final AtomicLong signIns = new AtomicLong();
    final AtomicLong signInsRefused = new AtomicLong();
    final AtomicLong signedInViews = new AtomicLong();
    final AtomicLong searches = new AtomicLong();
    final AtomicLong searchesRefused = new AtomicLong();
    final AtomicLong restrictedListed = new AtomicLong();

    @Override
    public String toString() {
      return ("%,d sequences, %,d actions (%,d requests), %,d views checked both ways (%,d of them"
              + " streamed, %,d with a warm cache, %,d from a signed-in session), %,d item"
              + " decisions (%,d shown), %,d refusals checked, %,d permissions revoked, %,d views"
              + " of a restricted patient, %,d documents opened and %,d refused as the oracle"
              + " said, %,d sign-ins accepted and %,d refused, %,d searches answered and audited"
              + " (%,d listing a restricted patient, without an address) and %,d refused")
          .formatted(
              sequences.get(),
              actions.get(),
              requests.get(),
              views.get(),
              streams.get(),
              warmViews.get(),
              signedInViews.get(),
              itemsJudged.get(),
              itemsShown.get(),
              refusalsChecked.get(),
              permissionsRevoked.get(),
              restrictedViews.get(),
              documentsOpened.get(),
              documentsRefused.get(),
              signIns.get(),
              signInsRefused.get(),
              searches.get(),
              restrictedListed.get(),
              searchesRefused.get());
    }
  }

  private final SequenceGateway gateway;
  private final Scenario scenario;
  private final Counts counts;
  private final ConsentOracle oracle;
  private final AgreementRules agreement;
  private final List<Optional<String>> labels;
  private final long run = RUNS.incrementAndGet();
  private final List<String> nhsNumbers = new ArrayList<>();

  /** A valid NHS number no one on the spine has. */
  private final String unknownNhsNumber;

  private final Map<Integer, String> tokens = new HashMap<>();
  private final Map<Integer, String> sessions = new HashMap<>();
  private int sessionsOpened;

  /** The people whose current session was opened by signing in. */
  private final Set<Integer> signedIn = new HashSet<>();

  /** Each person's searches the gateway answered, which the audit must hold. */
  private final Map<Integer, Integer> searchesAnswered = new HashMap<>();

  private final List<String> dissentIds = new ArrayList<>();
  private final List<String> permissionIds = new ArrayList<>();
  private final List<Integer> permissionPatients = new ArrayList<>();
  private final List<String> story = new ArrayList<>();
  private @Nullable String igToken;
  private Instant igLaunchedAt = Instant.EPOCH;

  SequenceRun(SequenceGateway gateway, AgreementRules agreement, Scenario scenario, Counts counts) {
    this.gateway = gateway;
    this.scenario = scenario;
    this.counts = counts;
    this.agreement = agreement;
    this.oracle =
        new ConsentOracle(
            new ConsentRules(agreement),
            SequenceGateway.SESSION_LIFETIME,
            SequenceGateway.SESSION_IDLE);
    this.labels = SyntheticSource.labels().stream().map(l -> l.map(SequenceRun::code)).toList();
    for (int i = 0; i < Scenario.PATIENTS.size(); i++) {
      nhsNumbers.add(nextNhsNumber());
    }
    unknownNhsNumber = nextNhsNumber("998");
  }

  /** Plays every step; throws an {@link AssertionError} telling the story at the first mismatch. */
  void play() {
    counts.sequences.incrementAndGet();
    if (scenario.restrictedC()) {
      SequenceGatewayBeans.RESTRICTED.add(nhs(2));
      oracle.restricted(nhs(2));
      tell("C is a restricted (S-flag) patient");
    }
    for (int i = 0; i < Scenario.PATIENTS.size(); i++) {
      SequenceGatewayBeans.SPINE.put(nhs(i), new SyntheticSpine.Patient(family(i), born(i)));
      oracle.onSpine(nhs(i), family(i), born(i));
    }
    for (int i = 0; i < scenario.roster().size(); i++) {
      Scenario.Member m = scenario.roster().get(i);
      if (m.signsIn()) {
        signIn(new Scenario.SignIn(i, false));
      } else {
        launch(new Scenario.Launch(i, m.launchedFor()));
      }
    }
    for (Scenario.Step step : scenario.steps()) {
      switch (step) {
        case Scenario.Launch l -> launch(l);
        case Scenario.SignIn i -> signIn(i);
        case Scenario.Search f -> search(f);
        case Scenario.View v -> view(v);
        case Scenario.Document d -> document(d);
        case Scenario.Claim c -> claim(c);
        case Scenario.Permission p -> permission(p);
        case Scenario.BreakGlass b -> breakGlass(b);
        case Scenario.Dissent d -> dissent(d);
        case Scenario.Revoke r -> revoke(r);
        case Scenario.RevokePermission r -> revokePermission(r);
        case Scenario.Wait w -> {
          counts.actions.incrementAndGet();
          gateway.advance(w.duration());
          tell(human(w.duration()) + " passed");
        }
      }
    }
  }

  private void launch(Scenario.Launch step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    Scenario.Member m = scenario.member(who);
    String user = user(who);
    Instant now = gateway.now();
    SequenceGateway.Response response =
        gateway.launch(user, m.role(), m.ods(), m.organisationType(), nhs(step.patient()));
    counts.requests.incrementAndGet();
    counts.actions.incrementAndGet();
    tell(scenario.name(who) + " launched for " + Scenario.patient(step.patient()));
    if (response.status() != 201) {
      fail("the launch was refused: " + response.status() + " " + response.code());
    }
    Matcher token = TOKEN.matcher(response.body());
    token.find();
    String session = "s" + run + "-" + sessionsOpened++;
    tokens.put(who, token.group(1));
    sessions.put(who, session);
    signedIn.remove(who);
    oracle.launched(
        session,
        new ConsentRules.Viewer(user, m.role(), m.ods(), m.organisationType()),
        nhs(step.patient()),
        now);
  }

  /**
   * A sign-in with the person's national role: the answer must be the oracle's, and an accepted one
   * a session bound to no patient, in the role and organisation type the agreement maps. A refused
   * sign-in leaves the person's earlier session, if any, as it was.
   */
  private void signIn(Scenario.SignIn step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    Scenario.Member m = scenario.member(who);
    String user = user(who);
    String ods = step.elsewhere() ? Scenario.ELSEWHERE : m.ods();
    String session = "s" + run + "-" + sessionsOpened++;
    ConsentOracle.SignedIn expected =
        oracle.signIn(session, user, m.nationalRole(), ods, gateway.now());
    SequenceGateway.Response response = gateway.signIn(user, m.nationalRole(), ods);
    String line =
        scenario.name(who)
            + " signed in as "
            + m.nationalRole()
            + (step.elsewhere() ? " at " + ods : "");
    expect(line, 1, List.of(expected.answer().toString()), expected.answer(), response);
    if (!expected.answer().succeeded()) {
      counts.signInsRefused.incrementAndGet();
      tell(line + told(1, List.of(expected.answer().toString())));
      return;
    }
    ConsentRules.Viewer viewer = expected.viewer().orElseThrow();
    tell(line + " → 201 as " + viewer.role() + " (" + viewer.organisationType() + "), no patient");
    Matcher role = ROLE.matcher(response.body());
    Matcher type = TYPE.matcher(response.body());
    if (!response.body().contains("\"nhsNumber\":null") && response.body().contains("nhsNumber")) {
      fail("the signed-in session is bound to a patient: " + response.body());
    }
    if (!role.find() || !role.group(1).equals(viewer.role())) {
      fail("the session's role is not " + viewer.role() + ", the agreement's: " + response.body());
    }
    if (!type.find() || !type.group(1).equals(viewer.organisationType())) {
      fail(
          "the session's organisation type is not "
              + viewer.organisationType()
              + ", the agreement's: "
              + response.body());
    }
    Matcher token = TOKEN.matcher(response.body());
    token.find();
    tokens.put(who, token.group(1));
    sessions.put(who, session);
    signedIn.add(who);
    counts.signIns.incrementAndGet();
  }

  /**
   * A search of the spine: the answer must be the oracle's; an answered one must list exactly the
   * patients it lists (the one asked for, or nobody), each restricted one marked so and with no
   * address at all, each other one with its postcode; and the audit must hold one more search entry
   * for the user, naming whom it showed.
   */
  private void search(Scenario.Search step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    int p = Math.floorMod(step.patient(), Scenario.PATIENTS.size());
    String query;
    ConsentOracle.Found expected;
    String line = scenario.name(who) + " searched for ";
    switch (step.by()) {
      case DETAILS -> {
        query = "family=" + family(p) + "&birthdate=" + born(p);
        expected =
            oracle.search(
                sessions.get(who),
                Optional.empty(),
                Optional.of(Map.entry(family(p), born(p))),
                gateway.now());
        line += Scenario.patient(p) + " by family name and date of birth";
      }
      case NHS_NUMBER, UNKNOWN_NHS_NUMBER, BAD_CHECK_DIGIT -> {
        String number =
            switch (step.by()) {
              case UNKNOWN_NHS_NUMBER -> unknownNhsNumber;
              case BAD_CHECK_DIGIT -> {
                String n = nhs(p);
                yield n.substring(0, 9) + (char) ('0' + (n.charAt(9) - '0' + 1) % 10);
              }
              default -> nhs(p);
            };
        query = "nhsNumber=" + number;
        expected =
            oracle.search(sessions.get(who), Optional.of(number), Optional.empty(), gateway.now());
        line +=
            switch (step.by()) {
              case UNKNOWN_NHS_NUMBER -> "an NHS number nobody has";
              case BAD_CHECK_DIGIT ->
                  Scenario.patient(p) + "'s NHS number with a wrong check digit";
              default -> Scenario.patient(p) + " by NHS number";
            };
      }
      default -> throw new IllegalStateException(step.by().name());
    }
    SequenceGateway.Response response =
        gateway.get("/api/v1/patients?" + query, tokens.get(who), false);
    expect(line, 1, List.of(expected.answer().toString()), expected.answer(), response);
    if (!expected.answer().succeeded()) {
      counts.searchesRefused.incrementAndGet();
      tell(line + told(1, List.of(expected.answer().toString())));
      return;
    }
    List<String> listedNames =
        expected.listed().stream()
            .map(l -> patientName(l.nhsNumber()) + (l.restricted() ? " (restricted)" : ""))
            .toList();
    tell(line + " → 200, " + (listedNames.isEmpty() ? "nobody" : String.join(", ", listedNames)));
    List<String> problems = new ArrayList<>();
    Map<String, String> shown = new java.util.LinkedHashMap<>();
    Matcher match = MATCH.matcher(response.body());
    while (match.find()) {
      shown.put(match.group(1), match.group(0));
    }
    Set<String> wanted = new LinkedHashSet<>();
    expected.listed().forEach(l -> wanted.add(l.nhsNumber()));
    if (!shown.keySet().equals(wanted)) {
      problems.add(
          "the search listed "
              + shown.keySet().stream().map(this::patientName).toList()
              + ", the oracle "
              + wanted.stream().map(this::patientName).toList());
    }
    for (ConsentOracle.Listed l : expected.listed()) {
      String entry = shown.get(l.nhsNumber());
      if (entry == null) {
        continue;
      }
      String name = patientName(l.nhsNumber());
      if (!entry.contains("\"restricted\":" + l.restricted())) {
        problems.add(name + " was listed with restricted other than " + l.restricted());
      }
      if (l.restricted()) {
        counts.restrictedListed.incrementAndGet();
        if (IDENTITY.matcher(response.body()).find()
            || response.body().contains(SyntheticSpine.address(l.nhsNumber()))
            || !entry.contains("\"postcode\":null") && entry.contains("\"postcode\"")) {
          problems.add(name + ", a restricted patient, was listed with an address or postcode");
        }
      } else if (!entry.contains(
          "\"postcode\":\"" + SyntheticSpine.postcode(l.nhsNumber()) + "\"")) {
        problems.add(name + " was listed without the postcode the spine gave");
      }
    }
    // Audited before it was answered: one more entry for this user, naming whom it showed.
    int answered = searchesAnswered.merge(who, 1, Integer::sum);
    List<AuditEntry> audited = gateway.searchesAudited(user(who));
    if (audited.size() != answered) {
      problems.add(
          "the audit holds %d searches by them, not %d".formatted(audited.size(), answered));
    } else {
      String details = audited.getFirst().details();
      for (String n : wanted) {
        if (!details.contains(n)) {
          problems.add("the search's audit entry does not name " + patientName(n) + " as shown");
        }
      }
      if (step.by() == Scenario.By.DETAILS && details.contains(family(p))) {
        problems.add("the search's audit entry holds the family name in clear");
      }
    }
    counts.searches.incrementAndGet();
    if (!problems.isEmpty()) {
      fail(String.join("; ", problems));
    }
  }

  private void claim(Scenario.Claim step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    List<String> codes = new ArrayList<>(agreement.selfClaim().reasonCodes());
    String code =
        Math.floorMod(step.reason(), codes.size() + 1) == codes.size()
            ? "not-a-listed-reason"
            : codes.get(Math.floorMod(step.reason(), codes.size() + 1));
    List<String> answers = new ArrayList<>();
    String line =
        scenario.name(who) + " claimed " + Scenario.patient(step.patient()) + " ('" + code + "')";
    for (int i = 0; i < step.times(); i++) {
      ConsentOracle.Answer expected =
          oracle.claim(sessions.get(who), nhs(step.patient()), code, gateway.now());
      SequenceGateway.Response response =
          gateway.post(
              "/api/v1/patients/" + nhs(step.patient()) + "/relationship",
              tokens.get(who),
              "{\"reasonCode\":\"" + code + "\",\"reason\":\"x\"}");
      answers.add(expected.toString());
      expect(line, step.times(), answers, expected, response);
    }
    tell(line + told(step.times(), answers));
  }

  private void permission(Scenario.Permission step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    Instant now = gateway.now();
    Optional<Instant> until =
        switch (step.length()) {
          case DEFAULT -> Optional.empty();
          case ONE_HOUR -> Optional.of(now.plus(Duration.ofHours(1)));
          case TOO_LONG ->
              Optional.of(now.plus(agreement.permission().maxDuration()).plus(Duration.ofHours(1)));
        };
    ConsentOracle.Answer expected =
        oracle.permission(sessions.get(who), nhs(step.patient()), until, now);
    SequenceGateway.Response response =
        gateway.post(
            "/api/v1/patients/" + nhs(step.patient()) + "/consent/permission-to-view",
            tokens.get(who),
            until.map(u -> "{\"until\":\"" + u + "\"}").orElse("{}"));
    String line =
        scenario.name(who)
            + " recorded permission for "
            + Scenario.patient(step.patient())
            + switch (step.length()) {
              case DEFAULT -> "";
              case ONE_HOUR -> " for 1h";
              case TOO_LONG -> " for longer than the agreement allows";
            };
    expect(line, 1, List.of(expected.toString()), expected, response);
    String number = "";
    if (expected.succeeded()) {
      Matcher id = ID.matcher(response.body());
      id.find();
      permissionIds.add(id.group(1));
      permissionPatients.add(step.patient());
      number = " (permission #" + permissionIds.size() + ")";
    }
    tell(line + told(1, List.of(expected.toString())) + number);
  }

  private void revokePermission(Scenario.RevokePermission step) {
    if (permissionIds.isEmpty()) {
      return;
    }
    int which = Math.floorMod(step.which(), permissionIds.size());
    int patient = permissionPatients.get(which);
    String token;
    ConsentOracle.Answer expected;
    String line;
    if (step.who() < 0) {
      token = igOfficer(patient);
      expected = oracle.revokePermissionAsIgOfficer(which);
      line = "IG officer revoked permission #" + (which + 1);
    } else {
      int who = Math.floorMod(step.who(), scenario.roster().size());
      if (!sessions.containsKey(who)) {
        return;
      }
      token = tokens.get(who);
      expected = oracle.revokePermission(sessions.get(who), which, gateway.now());
      line = scenario.name(who) + " revoked permission #" + (which + 1);
    }
    SequenceGateway.Response response =
        gateway.post(
            "/api/v1/patients/"
                + nhs(patient)
                + "/consent/permission-to-view/"
                + permissionIds.get(which)
                + "/revoke",
            token,
            "{\"reason\":\"The patient withdrew permission\"}");
    expect(line, 1, List.of(expected.toString()), expected, response);
    if (expected.succeeded()) {
      counts.permissionsRevoked.incrementAndGet();
    }
    tell(line + told(1, List.of(expected.toString())));
  }

  private void breakGlass(Scenario.BreakGlass step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    String line = scenario.name(who) + " broke glass for " + Scenario.patient(step.patient());
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < step.times(); i++) {
      ConsentOracle.Answer expected =
          oracle.breakGlass(sessions.get(who), nhs(step.patient()), gateway.now());
      SequenceGateway.Response response =
          gateway.post(
              "/api/v1/patients/" + nhs(step.patient()) + "/break-glass",
              tokens.get(who),
              "{\"reason\":\"" + BREAK_GLASS_REASON + "\",\"detail\":\"x\"}");
      answers.add(expected.toString());
      expect(line, step.times(), answers, expected, response);
    }
    tell(line + told(step.times(), answers));
  }

  private void dissent(Scenario.Dissent step) {
    List<String> sources = gateway.sources();
    Optional<String> source =
        step.source() < 0
            ? Optional.empty()
            : Optional.of(sources.get(Math.floorMod(step.source(), sources.size())));
    String line =
        "IG officer registered dissent for "
            + Scenario.patient(step.patient())
            + source.map(s -> " from " + s).orElse(" from the whole record");
    SequenceGateway.Response response =
        gateway.post(
            "/api/v1/dissent",
            igOfficer(step.patient()),
            "{\"nhsNumber\":\""
                + nhs(step.patient())
                + "\""
                + source.map(s -> ",\"sourceId\":\"" + s + "\"").orElse("")
                + ",\"reason\":\"Written request from the patient\"}");
    counts.requests.incrementAndGet();
    counts.actions.incrementAndGet();
    tell(line);
    if (response.status() != 201) {
      fail("the dissent was refused: " + response.status() + " " + response.code());
    }
    Matcher id = ID.matcher(response.body());
    id.find();
    dissentIds.add(id.group(1));
    oracle.dissent(nhs(step.patient()), source);
  }

  private void revoke(Scenario.Revoke step) {
    if (dissentIds.isEmpty()) {
      return;
    }
    int which = Math.floorMod(step.which(), dissentIds.size());
    ConsentOracle.Answer expected = oracle.revoke(which);
    SequenceGateway.Response response =
        gateway.post(
            "/api/v1/dissent/" + dissentIds.get(which) + "/revoke",
            igOfficer(0),
            "{\"reason\":\"The patient changed their mind\"}");
    String line = "IG officer revoked dissent #" + (which + 1);
    expect(line, 1, List.of(expected.toString()), expected, response);
    tell(line + told(1, List.of(expected.toString())));
  }

  private void view(Scenario.View step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    String patient = nhs(step.patient());
    ConsentOracle.View expected =
        oracle.view(sessions.get(who), patient, gateway.sources(), labels, gateway.now());
    SequenceGateway.Response response =
        gateway.get(
            "/api/v1/patients/" + patient + (step.stream() ? "/record/stream" : "/record"),
            tokens.get(who),
            step.stream());
    counts.requests.incrementAndGet();
    counts.actions.incrementAndGet();
    String line =
        scenario.name(who)
            + (step.stream() ? " streamed " : " viewed ")
            + Scenario.patient(step.patient());
    if (response.status() != expected.answer().status()
        || !response.code().equals(expected.answer().code())) {
      tell(line);
      fail(
          "the gateway answered %s, the oracle %s"
              .formatted(answered(response), expected.answer()));
    }
    if (response.status() != 200) {
      counts.refusalsChecked.incrementAndGet();
      tell(line + " → " + expected.answer());
      return;
    }
    counts.views.incrementAndGet();
    if (signedIn.contains(who)) {
      counts.signedInViews.incrementAndGet();
    }
    if (scenario.restrictedC() && patient.equals(nhs(2))) {
      counts.restrictedViews.incrementAndGet();
    }
    counts.itemsJudged.addAndGet(
        (long) gateway.sources().size() * AgreementRules.SECTIONS.size() * labels.size());
    counts.itemsShown.addAndGet(expected.items().size());
    String whole = response.body();
    List<String> problems = new ArrayList<>();
    if (step.stream()) {
      counts.streams.incrementAndGet();
      StringBuilder sources = new StringBuilder();
      whole = "";
      for (String[] event : events(response.body())) {
        if (event[0].equals("complete")) {
          whole = event[1];
        } else {
          sources.append(event[1]).append('\n');
        }
      }
      compare("the stream's source events", items(sources.toString()), expected, problems);
    }
    if (whole.contains("\"cached\":true")) {
      counts.warmViews.incrementAndGet();
    }
    compare("the view", items(whole), expected, problems);
    Set<String> identities = new LinkedHashSet<>();
    // The whole body: a stream's source events must not carry contact details either.
    IDENTITY.matcher(response.body()).results().forEach(r -> identities.add(r.group(1)));
    identities.removeAll(expected.openSources());
    if (!identities.isEmpty()) {
      problems.add(
          "the banner showed contact details from "
              + identities
              + ", which are closed to them"
              + (scenario.restrictedC() && nhs(step.patient()).equals(nhs(2))
                  ? " (a restricted patient)"
                  : ""));
    }
    boolean banner = whole.contains("\"breakGlass\":{\"active\":true");
    if (banner != expected.breakGlassActive()) {
      problems.add(
          banner
              ? "the view showed break-glass as active, which the oracle says is not"
              : "the view did not show the active break-glass");
    }
    for (String source : gateway.sources()) {
      if (!whole.contains("\"id\":\"" + source + "\"")) {
        problems.add("source " + source + " is missing from sources[]");
      }
    }
    tell(line + " → 200, " + expected.items().size() + " items");
    if (!problems.isEmpty()) {
      fail(String.join("; ", problems));
    }
  }

  /**
   * A document's content is served exactly when the oracle shows its item in the view: otherwise
   * the answer is a refusal (the view's own, or 403 or 404 for the document) without the content.
   */
  private void document(Scenario.Document step) {
    int who = Math.floorMod(step.who(), scenario.roster().size());
    if (!sessions.containsKey(who)) {
      return;
    }
    String patient = nhs(step.patient());
    List<String> sources = gateway.sources();
    String source = sources.get(Math.floorMod(step.source(), sources.size()));
    int n = Math.floorMod(step.label(), labels.size());
    ConsentOracle.Item item = new ConsentOracle.Item(source, "documents", labels.get(n));
    ConsentOracle.View expected = oracle.view(sessions.get(who), patient, sources, labels, now());
    SequenceGateway.Response response =
        gateway.get(
            "/api/v1/patients/" + patient + "/documents/" + source + "/documents-" + n,
            tokens.get(who),
            false);
    counts.requests.incrementAndGet();
    counts.actions.incrementAndGet();
    String line =
        scenario.name(who) + " opened " + item + " of " + Scenario.patient(step.patient());
    String content =
        SyntheticSource.content(
            SyntheticSource.marker(
                source, org.carelens.sdk.model.Section.DOCUMENTS, SyntheticSource.labels().get(n)));
    boolean served = response.body().contains(content);
    if (expected.answer().status() != 200) {
      tell(line + " → " + expected.answer());
      if (response.status() != expected.answer().status()
          || !response.code().equals(expected.answer().code())) {
        fail(
            "the gateway answered %s, the oracle %s"
                .formatted(answered(response), expected.answer()));
      }
      counts.refusalsChecked.incrementAndGet();
      return;
    }
    boolean permitted = expected.items().contains(item);
    tell(line + (permitted ? " → 200, its content" : " → refused"));
    if (permitted && (response.status() != 200 || !served)) {
      fail(
          "the gateway answered %s without its content, which the oracle permits"
              .formatted(answered(response)));
    }
    if (!permitted && (served || (response.status() != 403 && response.status() != 404))) {
      fail(
          "the gateway answered %s%s, for a document the oracle withholds"
              .formatted(answered(response), served ? " with its content" : ""));
    }
    (permitted ? counts.documentsOpened : counts.documentsRefused).incrementAndGet();
  }

  private java.time.Instant now() {
    return gateway.now();
  }

  private void compare(
      String what,
      Set<ConsentOracle.Item> shown,
      ConsentOracle.View expected,
      List<String> problems) {
    Set<ConsentOracle.Item> extra = new LinkedHashSet<>(shown);
    extra.removeAll(expected.items());
    Set<ConsentOracle.Item> missing = new LinkedHashSet<>(expected.items());
    missing.removeAll(shown);
    if (!extra.isEmpty()) {
      problems.add(what + " showed " + some(extra) + ", which the oracle withholds");
    }
    if (!missing.isEmpty()) {
      problems.add(what + " left out " + some(missing) + ", which the oracle permits");
    }
  }

  private static String some(Set<ConsentOracle.Item> items) {
    List<String> named = items.stream().limit(8).map(Object::toString).toList();
    return String.join(", ", named)
        + (items.size() > named.size() ? " and " + (items.size() - named.size()) + " more" : "");
  }

  /** The items a body carries, by the markers the in-memory sources put in every item. */
  private Set<ConsentOracle.Item> items(String body) {
    Set<ConsentOracle.Item> found = new LinkedHashSet<>();
    Matcher m = MARKER.matcher(body);
    while (m.find()) {
      String section =
          AgreementRules.SECTIONS.stream()
              .filter(s -> s.equalsIgnoreCase(m.group(2)))
              .findFirst()
              .orElse(m.group(2));
      String label = m.group(3).toUpperCase(Locale.ROOT);
      found.add(
          new ConsentOracle.Item(
              m.group(1).toLowerCase(Locale.ROOT),
              section,
              label.equals("NONE")
                  ? Optional.empty()
                  : Optional.of(code(Sensitivity.valueOf(label)))));
    }
    return found;
  }

  /** Server-sent events as (name, data) pairs. */
  private static List<String[]> events(String body) {
    List<String[]> events = new ArrayList<>();
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : (body + "\n\n").split("\n", -1)) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          events.add(new String[] {name, data.toString()});
        }
        name = "message";
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.append(line.substring(5).strip());
      }
    }
    return events;
  }

  private void expect(
      String line,
      int times,
      List<String> answers,
      ConsentOracle.Answer expected,
      SequenceGateway.Response response) {
    counts.requests.incrementAndGet();
    if (answers.size() == 1) {
      counts.actions.incrementAndGet();
    }
    if (!expected.succeeded()) {
      counts.refusalsChecked.incrementAndGet();
    }
    if (response.status() != expected.status() || !response.code().equals(expected.code())) {
      tell(line + told(times, answers.subList(0, answers.size() - 1)));
      fail("the gateway answered %s, the oracle %s".formatted(answered(response), expected));
    }
  }

  private static String answered(SequenceGateway.Response response) {
    return response.code().isEmpty()
        ? String.valueOf(response.status())
        : response.status() + " " + response.code();
  }

  /** " → 201", or for repeats " ×12 → 201 ×10, 429 SELF_CLAIM_LIMIT ×2". */
  private static String told(int times, List<String> answers) {
    if (answers.isEmpty()) {
      return "";
    }
    if (times == 1) {
      return " → " + answers.get(0);
    }
    Map<String, Integer> tally = new java.util.LinkedHashMap<>();
    answers.forEach(a -> tally.merge(a, 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    tally.forEach((a, n) -> parts.add(a + " ×" + n));
    return " ×" + times + " → " + String.join(", ", parts);
  }

  /**
   * A session for this run's IG officer: the one they have, or a new one once that is an hour old
   * (well inside the gateway's session limits, which the oracle checks for everyone else).
   */
  private String igOfficer(int patient) {
    if (igToken != null && gateway.now().isBefore(igLaunchedAt.plus(Duration.ofHours(1)))) {
      return igToken;
    }
    igLaunchedAt = gateway.now();
    SequenceGateway.Response response =
        gateway.launch("ig" + run, "ig-officer", "Y03012", "out-of-hours", nhs(patient));
    counts.requests.incrementAndGet();
    if (response.status() != 201) {
      fail("the IG officer's launch was refused: " + response.status() + " " + response.code());
    }
    Matcher token = TOKEN.matcher(response.body());
    token.find();
    igToken = token.group(1);
    return igToken;
  }

  private void tell(String line) {
    story.add(line);
  }

  private void fail(String what) {
    StringBuilder told = new StringBuilder("The gateway and the oracle disagree:\n");
    for (int i = 0; i < story.size(); i++) {
      told.append("  ").append(i + 1).append(". ").append(story.get(i)).append('\n');
    }
    told.append("  ⇒ ").append(what);
    throw new AssertionError(told.toString());
  }

  private String user(int who) {
    return "u" + run + "-" + (who + 1);
  }

  private String nhs(int patient) {
    return nhsNumbers.get(Math.floorMod(patient, nhsNumbers.size()));
  }

  /** A, B or C for one of this run's NHS numbers; the number itself for any other. */
  private String patientName(String nhsNumber) {
    int i = nhsNumbers.indexOf(nhsNumber);
    return i < 0 ? nhsNumber : Scenario.patient(i);
  }

  /**
   * Patient {@code patient}'s family name on the spine: unique, its NHS number's digits as letters
   * (a search by details finds them alone).
   */
  private String family(int patient) {
    StringBuilder name = new StringBuilder("Q");
    for (char c : nhs(patient).toCharArray()) {
      name.append((char) ('a' + (c - '0')));
    }
    return name.toString();
  }

  /** Patient {@code patient}'s date of birth on the spine. */
  private LocalDate born(int patient) {
    return LocalDate.of(1930, 1, 1).plusDays(Long.parseLong(nhs(patient).substring(3, 9)) % 30_000);
  }

  /** The agreement's spelling of a label: {@code MENTAL_HEALTH_NOTES} is mental-health-notes. */
  static String code(Sensitivity label) {
    return label.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String human(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }

  /** The next unused valid NHS number in the 999 test range (Modulus 11). */
  private static String nextNhsNumber() {
    return nextNhsNumber("999");
  }

  /** The next unused valid NHS number starting {@code prefix} (three digits; Modulus 11). */
  private static String nextNhsNumber(String prefix) {
    while (true) {
      long serial = NEXT_PATIENT.getAndIncrement();
      String base = prefix + String.format("%06d", serial % 1_000_000);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (base.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - (sum % 11);
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        return base + check;
      }
    }
  }
}
