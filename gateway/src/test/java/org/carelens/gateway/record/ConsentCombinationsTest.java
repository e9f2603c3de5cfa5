package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.consent.ConsentRegister;
import org.carelens.gateway.consent.ConsentState;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.consent.oracle.AgreementRules;
import org.carelens.gateway.consent.oracle.ConsentRules;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.FanoutProperties;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.gateway.fanout.TestSourceAdapters;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.spi.SourceAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The exhaustive check at gateway level: over role × viewer organisation type × how the viewer
 * stands with the patient (launched; launched with break-glass; self-claimed; break-glass for
 * another patient, active or ended) × dissent (none, whole record, an implied and an explicit
 * source) × permission to view × the agreement's dissent override × endpoint (whole view, stream) ×
 * cache (miss, hit), real {@link RecordService} views (consent and relationships read from the
 * registers, the fan-out with its cache, the merger, the stream) over in-memory sources, one for
 * every source of the demo agreement and one outside it, that return every item they hold. For
 * every item: it appears in the response exactly when the independent oracle ({@link ConsentRules})
 * permits it, and in the stream's events only then. Prints what it checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentCombinationsTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String AGREEMENT = "agreements/riverside.yml";
  static final String UNAGREED = "hospice";
  static final Map<String, String> ORGANISATIONS =
      Map.of(
          "out-of-hours", "Y03012",
          "acute-trust", "RXX01",
          "local-authority", "LA001",
          "community-pharmacy", "FA123");
  static final Pattern MARKER =
      Pattern.compile("MARK\\|([a-z0-9-]+)\\|([A-Za-z]+)\\|([A-Z_]+|none)");

  /** How the viewer's session stands with the patient viewed. */
  enum Standing {
    LAUNCHED(ConsentRules.Access.LAUNCHED),
    LAUNCHED_WITH_BREAK_GLASS(ConsentRules.Access.BREAK_GLASS),
    SELF_CLAIMED(ConsentRules.Access.SELF_CLAIMED),
    BREAK_GLASS_FOR_ANOTHER(ConsentRules.Access.BREAK_GLASS),
    BREAK_GLASS_ENDED(ConsentRules.Access.NONE);

    final ConsentRules.Access access;

    Standing(ConsentRules.Access access) {
      this.access = access;
    }

    boolean launchedForThisPatient() {
      return this == LAUNCHED || this == LAUNCHED_WITH_BREAK_GLASS;
    }
  }

  final MutableClock clock = new MutableClock(NOW);
  HikariDataSource database;
  ConsentRegister register;
  RelationshipRegister relationships;
  final Map<String, SyntheticSource> sources = new LinkedHashMap<>();
  FanoutEngine fanout;
  int patientSerial = 100;
  int sessionSerial = 0;

  @BeforeAll
  void start() {
    database = TestDatabases.h2Memory();
    register = new ConsentRegister(database, clock);
    relationships = new RelationshipRegister(database);
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    List<String> ids =
        new ArrayList<>(AgreementRules.read(AgreementRules.text(AGREEMENT)).sources().keySet());
    ids.add(UNAGREED);
    for (String id : ids) {
      SyntheticSource source = new SyntheticSource(id, false);
      sources.put(id, source);
      adapters.put(source, new SourceProperties(id));
    }
    fanout = new FanoutEngine(TestSourceAdapters.of(adapters), new FanoutProperties(), clock);
  }

  @AfterAll
  void stop() {
    fanout.close();
    database.close();
  }

  @Test
  void no_withheld_item_ever_appears_and_every_permitted_item_does() {
    String shipped = AgreementRules.text(AGREEMENT);
    List<String> violations = new ArrayList<>();
    long items = 0;
    long shown = 0;
    long views = 0;
    for (boolean override : List.of(false, true)) {
      String text =
          override ? shipped.replace("overridesDissent: false", "overridesDissent: true") : shipped;
      ConsentRules oracle = new ConsentRules(AgreementRules.read(text));
      RecordService records =
          new RecordService(
              fanout,
              new AccessPolicy(AgreementLoader.parse(text, "riverside.yml")),
              new ConsentState(register, relationships),
              clock,
              GatewayMetrics.inMemory());
      for (String dissent : List.of("none", "whole", "gp", "mental-health")) {
        for (boolean permission : List.of(false, true)) {
          for (Standing standing : Standing.values()) {
            NhsNumber patient = patient(dissent, permission);
            LaunchContext session = session(patient, standing);
            ConsentRules.Consent consent =
                new ConsentRules.Consent(
                    dissent.equals("whole"),
                    dissent.equals("none") || dissent.equals("whole") ? Set.of() : Set.of(dissent),
                    permission
                        ? ORGANISATIONS.values().stream()
                            .map(ods -> new ConsentRules.Permission("u1", ods))
                            .toList()
                        : List.of());
            for (Role role : Role.values()) {
              for (String orgType : ORGANISATIONS.keySet().stream().sorted().toList()) {
                LaunchContext viewer = as(session, role, orgType);
                ConsentRules.Viewer who =
                    new ConsentRules.Viewer("u1", role.code(), ORGANISATIONS.get(orgType), orgType);
                // Each endpoint both on a cold cache and on the copy the other one left,
                // alternating so that every role and every organisation type gets both.
                List<String> order =
                    (role.ordinal() + orgType.length()) % 2 == 0
                        ? List.of("view", "stream")
                        : List.of("stream", "view");
                fanout.purge(patient);
                for (int i = 0; i < 2; i++) {
                  String endpoint = order.get(i);
                  String cache = i == 0 ? "miss" : "hit";
                  Map<String, Integer> before = calls(patient);
                  List<SourceEvent> events = new ArrayList<>();
                  RecordView view =
                      endpoint.equals("view")
                          ? records.view(viewer, patient, RecordService.SERVED).view()
                          : records.stream(viewer, patient, RecordService.SERVED, events::add)
                              .view();
                  views++;
                  Set<String> inView = markers(view.toString());
                  Set<String> streamed = markers(events.toString());
                  String where =
                      "%s %s %s dissent=%s permission=%s override=%s %s cache=%s"
                          .formatted(
                              role,
                              orgType,
                              standing,
                              dissent,
                              permission,
                              override,
                              endpoint,
                              cache);
                  for (String source : sources.keySet()) {
                    boolean sourceShown = oracle.sourceOpen(who, standing.access, consent, source);
                    checkSource(
                        violations, view, source, sourceShown, patient, before, cache, where);
                    for (Section section : Section.values()) {
                      for (Optional<Sensitivity> label : SyntheticSource.labels()) {
                        items++;
                        boolean expected =
                            oracle.shows(
                                who,
                                standing.access,
                                consent,
                                source,
                                section.key(),
                                label.map(ConsentCombinationsTest::code));
                        String marker = SyntheticSource.marker(source, section, label);
                        if (expected) {
                          shown++;
                        }
                        if (inView.contains(marker) != expected) {
                          violations.add(
                              (expected ? "permitted item missing: " : "withheld item shown: ")
                                  + marker
                                  + " "
                                  + where);
                        }
                        if (endpoint.equals("stream") && streamed.contains(marker) != expected) {
                          violations.add(
                              (expected
                                      ? "permitted item not streamed: "
                                      : "withheld item streamed: ")
                                  + marker
                                  + " "
                                  + where);
                        }
                        if (!expected
                            && oracle
                                .agreement()
                                .roleSections()
                                .getOrDefault(role.code(), Set.of())
                                .contains(section.key())
                            && !withheldFlag(view, section)) {
                          violations.add("section without notice: " + section.key() + " " + where);
                        }
                      }
                    }
                  }
                  checkBanner(violations, view, standing, where);
                }
              }
            }
          }
        }
      }
    }
    System.out.printf(
        "Gateway consent combinations against the oracle: %,d views (%,d viewer × consent"
            + " × standing combinations, each as one endpoint on a cold cache and the other on a"
            + " warm one, alternately),"
            + " %,d item decisions, %,d shown%n",
        views, views / 2, items, shown);
    assertThat(violations).as(String.join("\n", violations.stream().limit(20).toList())).isEmpty();
    assertThat(shown).as("some items are shown, or the comparison is vacuous").isPositive();
    assertThat(items - shown).as("some items are withheld").isPositive();
  }

  /** The markers of every item a response carries. */
  private static Set<String> markers(String response) {
    Set<String> found = new HashSet<>();
    Matcher m = MARKER.matcher(response);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  private static String code(Sensitivity label) {
    return label.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private void checkSource(
      List<String> violations,
      RecordView view,
      String source,
      boolean shown,
      NhsNumber patient,
      Map<String, Integer> before,
      String cache,
      String where) {
    RecordView.SourceView status =
        view.sources().stream().filter(s -> s.id().equals(source)).findFirst().orElseThrow();
    int asked = sources.get(source).calls(patient) - before.get(source);
    if (!shown) {
      if (!status.status().equals("WITHHELD") || status.reason() == null) {
        violations.add("source not WITHHELD with a reason: " + source + " " + where);
      }
      if (asked != 0) {
        violations.add("withheld source was asked: " + source + " " + where);
      }
      if (status.detail() != null && status.detail().contains("MARK")) {
        violations.add("withheld source leaked content: " + source + " " + where);
      }
    } else {
      if (!status.status().equals("OK")) {
        violations.add("permitted source not OK: " + source + " " + status + " " + where);
      }
      if (cache.equals("hit") && (!status.cached() || asked != 0)) {
        violations.add("second view not served from cache: " + source + " " + where);
      }
      if (cache.equals("miss") && (status.cached() || asked != 1)) {
        violations.add("first view not fetched from the source: " + source + " " + where);
      }
    }
    boolean prompt =
        "PERMISSION_TO_VIEW_REQUIRED".equals(status.reason())
            && status.obligations().contains("PROMPT_FOR_PERMISSION")
            && view.obligations().contains("PROMPT_FOR_PERMISSION");
    if ("PERMISSION_TO_VIEW_REQUIRED".equals(status.reason()) != prompt) {
      violations.add("permission prompt missing: " + source + " " + where);
    }
  }

  private static void checkBanner(
      List<String> violations, RecordView view, Standing standing, String where) {
    boolean active = standing.access == ConsentRules.Access.BREAK_GLASS;
    if (view.breakGlass().active() != active || (active && view.breakGlass().until() == null)) {
      violations.add("break-glass banner wrong: " + view.breakGlass() + " " + where);
    }
    for (String notice : notices(view)) {
      // Issue 9: plain words for causes that hold for every patient, the generic wording for
      // those specific to this patient; never a count, a label or anything else.
      for (String sentence : notice.split("\\. ")) {
        if (!sentence.equals(Decision.WITHHELD_NOTICE)
            && !sentence.equals(SectionViews.NOT_REQUESTED)
            && !PLAIN_NOTICE.matcher(sentence).matches()) {
          violations.add("notice is neither plain nor generic: " + notice + " " + where);
        }
      }
      if (notice.matches(".*\\d.*")
          || Arrays.stream(Sensitivity.values()).anyMatch(l -> notice.contains(l.name()))) {
        violations.add("notice says how much or what was withheld: " + notice + " " + where);
      }
    }
  }

  /** The plain sentences a notice may carry for causes that hold for every patient. */
  private static final java.util.regex.Pattern PLAIN_NOTICE =
      java.util.regex.Pattern.compile(
          "Not shared with [a-zA-Z ]+s under sharing agreement [a-z-]+"
              + "|.+ does not share this with [a-z-]+ organisations under sharing agreement [a-z-]+"
              + "|.+ is not part of sharing agreement [a-z-]+"
              + "|Break-glass access has ended"
              + "|.+ shares this only with the patient's permission to view, recorded at the point"
              + " of care");

  private static List<String> notices(RecordView view) {
    RecordView.Sections s = view.sections();
    List<String> notices = new ArrayList<>();
    for (String n :
        new String[] {
          s.alerts().notice(),
          s.allergies().notice(),
          s.medications().notice(),
          s.problems().notice(),
          s.encounters().notice(),
          s.results().notice(),
          s.immunisations().notice(),
          s.documents().notice(),
          s.referrals().notice(),
          s.careTeam().notice(),
          s.socialCare().notice()
        }) {
      if (n != null) {
        notices.add(n);
      }
    }
    return notices;
  }

  static boolean withheldFlag(RecordView view, Section section) {
    RecordView.Sections s = view.sections();
    return switch (section) {
      case ALERTS -> s.alerts().withheld();
      case ALLERGIES -> s.allergies().withheld();
      case MEDICATIONS -> s.medications().withheld();
      case PROBLEMS -> s.problems().withheld();
      case ENCOUNTERS -> s.encounters().withheld();
      case RESULTS -> s.results().withheld();
      case IMMUNISATIONS -> s.immunisations().withheld();
      case DOCUMENTS -> s.documents().withheld();
      case REFERRALS -> s.referrals().withheld();
      case CARE_TEAM -> s.careTeam().withheld();
      case SOCIAL_CARE -> s.socialCare().withheld();
    };
  }

  private Map<String, Integer> calls(NhsNumber patient) {
    Map<String, Integer> calls = new LinkedHashMap<>();
    sources.forEach((id, s) -> calls.put(id, s.calls(patient)));
    return calls;
  }

  /** A fresh patient in the register with this dissent and permission. */
  private NhsNumber patient(String dissent, boolean permission) {
    NhsNumber patient = nextNhsNumber();
    Actor ig = new Actor("ig", "IG Officer", "ig-officer", "Y03012");
    switch (dissent) {
      case "none" -> {}
      case "whole" -> register.registerDissent(patient, Optional.empty(), "Patient asked", ig);
      default -> register.registerDissent(patient, Optional.of(dissent), "Patient asked", ig);
    }
    if (permission) {
      for (String ods : ORGANISATIONS.values()) {
        register.recordPermission(
            patient, new Actor("u1", "Dr Khan", "clinician", ods), NOW.plusSeconds(3600));
      }
    }
    return patient;
  }

  /**
   * A fresh session of user u1 that stands with {@code patient} as {@code standing} says: launched
   * for them, or for another patient with a self-claim or a break-glass (declared now, or five
   * hours ago so that it has ended) recorded for this session.
   */
  private LaunchContext session(NhsNumber patient, Standing standing) {
    LaunchContext session =
        new LaunchContext(
            "http://launcher.test",
            "jti-" + ++sessionSerial,
            "u1",
            "Dr Khan",
            Role.CLINICIAN,
            "Y03012",
            "out-of-hours",
            "out-of-hours",
            "test",
            "directcare",
            standing.launchedForThisPatient() ? patient : nextNhsNumber(),
            NOW.plusSeconds(300));
    switch (standing) {
      case LAUNCHED -> {}
      case LAUNCHED_WITH_BREAK_GLASS -> breakGlass(patient, session, NOW);
      case SELF_CLAIMED -> establish(session, patient, Relationship.SELF_CLAIMED);
      case BREAK_GLASS_FOR_ANOTHER -> {
        breakGlass(patient, session, NOW);
        establish(session, patient, Relationship.BREAK_GLASS);
      }
      case BREAK_GLASS_ENDED -> {
        breakGlass(patient, session, NOW.minusSeconds(5 * 3600));
        establish(session, patient, Relationship.BREAK_GLASS);
      }
    }
    return session;
  }

  private void breakGlass(NhsNumber patient, LaunchContext session, Instant at) {
    clock.set(at);
    register.declareBreakGlass(
        patient, session, "Immediate risk to life", "Collapsed", "t", Duration.ofHours(4));
    clock.set(NOW);
  }

  private void establish(LaunchContext session, NhsNumber patient, Relationship kind) {
    try (Connection c = database.getConnection()) {
      relationships.establish(
          c,
          session,
          patient,
          kind,
          kind == Relationship.SELF_CLAIMED ? "covering-colleague" : null,
          "x",
          NOW);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same session, as seen with another role and organisation type. */
  private static LaunchContext as(LaunchContext session, Role role, String orgType) {
    return new LaunchContext(
        session.issuer(),
        session.jti(),
        session.userId(),
        session.userName(),
        role,
        ORGANISATIONS.get(orgType),
        orgType,
        orgType,
        session.device(),
        session.reasonForRequest(),
        session.nhsNumber(),
        session.expiresAt());
  }

  /** The next unused valid NHS number in the 999 test range (Modulus 11). */
  private NhsNumber nextNhsNumber() {
    for (int s = patientSerial; ; s++) {
      String base = "999" + String.format("%06d", s);
      int sum = 0;
      for (int i = 0; i < 9; i++) {
        sum += (base.charAt(i) - '0') * (10 - i);
      }
      int check = 11 - (sum % 11);
      if (check == 11) {
        check = 0;
      }
      if (check != 10) {
        patientSerial = s + 1;
        return new NhsNumber(base + check);
      }
    }
  }
}
