package org.carelens.gateway.record;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.audit.Actor;
import org.carelens.gateway.consent.ConsentRegister;
import org.carelens.gateway.consent.ConsentState;
import org.carelens.gateway.consent.MutableClock;
import org.carelens.gateway.consent.SyntheticSource;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.FanoutProperties;
import org.carelens.gateway.fanout.SourceProperties;
import org.carelens.gateway.fanout.TestSourceAdapters;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.persistence.TestDatabases;
import org.carelens.gateway.policy.AgreementFiles;
import org.carelens.gateway.session.RelationshipRegister;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.agreement.ShareIn;
import org.carelens.policy.agreement.SharingAgreement;
import org.carelens.policy.agreement.SourceSharing;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.spi.SourceAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The exhaustive check at gateway level: over role × viewer organisation type × section ×
 * sensitivity × consent state (dissent none / whole record / per source, permission to view or not)
 * × break-glass (none, active, expired) × cache miss/hit × the agreement's dissent override, real
 * {@link RecordService} views (consent read from the register, the fan-out with its cache, the
 * merger, the stream) over in-memory sources that return every item they hold. For every item: it
 * appears somewhere in the response exactly when the demo agreement's rules, re-derived here from
 * the agreement's data, permit it. Prints the number of combinations checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentCombinationsTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final List<String> SOURCES = List.of("gp", "mental-health", "social-care");
  static final Map<String, String> ORGANISATIONS =
      Map.of("out-of-hours", "Y03012", "acute-trust", "RXX01", "local-authority", "LA001");

  final MutableClock clock = new MutableClock(NOW);
  HikariDataSource database;
  ConsentRegister register;
  final Map<String, SyntheticSource> sources = new LinkedHashMap<>();
  FanoutEngine fanout;
  int patientSerial = 100;

  @BeforeAll
  void start() {
    database = TestDatabases.h2Memory();
    register = new ConsentRegister(database, clock);
    Map<SourceAdapter, SourceProperties> adapters = new LinkedHashMap<>();
    for (String id : SOURCES) {
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
    SharingAgreement demo = AgreementFiles.load("classpath:agreements/riverside.yml");
    List<String> violations = new ArrayList<>();
    long checked = 0;
    for (boolean override : List.of(false, true)) {
      SharingAgreement agreement =
          override
              ? AgreementLoader.parse(
                  AgreementFiles.read("classpath:agreements/riverside.yml")
                      .replace("overridesDissent: false", "overridesDissent: true"),
                  "riverside-override.yml")
              : demo;
      RecordService records =
          new RecordService(
              fanout,
              new AccessPolicy(agreement),
              new ConsentState(register, new RelationshipRegister(database)),
              clock,
              GatewayMetrics.inMemory());
      for (String dissent : List.of("none", "whole", "gp", "mental-health")) {
        for (boolean permission : List.of(false, true)) {
          for (String breakGlass : List.of("none", "active", "expired")) {
            NhsNumber patient = patient(dissent, permission, breakGlass);
            for (Role role : Role.values()) {
              for (String orgType : ORGANISATIONS.keySet().stream().sorted().toList()) {
                LaunchContext viewer = viewer(role, orgType, patient);
                fanout.purge(patient);
                for (String cache : List.of("miss", "hit")) {
                  Map<String, Integer> before = calls(patient);
                  List<SourceEvent> events = new ArrayList<>();
                  RecordView view =
                      cache.equals("miss")
                          ? records.view(viewer, patient, RecordService.SERVED).view()
                          : records.stream(viewer, patient, RecordService.SERVED, events::add)
                              .view();
                  String response = view.toString();
                  String streamed = events.toString();
                  String where =
                      "%s %s dissent=%s permission=%s bg=%s override=%s cache=%s"
                          .formatted(
                              role, orgType, dissent, permission, breakGlass, override, cache);
                  for (String source : SOURCES) {
                    boolean sourceShown =
                        sourceShown(
                            agreement, role, orgType, source, dissent, permission, breakGlass);
                    checkSource(
                        violations, view, source, sourceShown, patient, before, cache, where);
                    for (Section section : Section.values()) {
                      for (Optional<Sensitivity> label : SyntheticSource.labels()) {
                        checked++;
                        boolean expected =
                            sourceShown
                                && itemShown(agreement, role, orgType, source, section, label);
                        String marker = SyntheticSource.marker(source, section, label);
                        if (response.contains(marker) != expected) {
                          violations.add(
                              (expected ? "permitted item missing: " : "withheld item shown: ")
                                  + marker
                                  + " "
                                  + where);
                        }
                        if (!expected && streamed.contains(marker)) {
                          violations.add("withheld item streamed: " + marker + " " + where);
                        }
                        if (!expected
                            && agreement.roles().permittedSections(role).contains(section)
                            && !withheldFlag(view, section)) {
                          violations.add("section without notice: " + section.key() + " " + where);
                        }
                      }
                    }
                  }
                  checkBanner(violations, view, breakGlass, where);
                }
              }
            }
          }
        }
      }
    }
    System.out.printf(
        "Gateway consent combinations: %,d item × viewer × consent × cache combinations checked%n",
        checked);
    assertThat(violations).as(String.join("\n", violations.stream().limit(20).toList())).isEmpty();
    assertThat(checked).isGreaterThan(300_000);
  }

  /** The source-level rules of PRODUCT.md 1–4, read off the agreement's data. */
  private static boolean sourceShown(
      SharingAgreement a,
      Role role,
      String orgType,
      String source,
      String dissent,
      boolean permission,
      String breakGlass) {
    boolean glass = breakGlass.equals("active");
    boolean dissented = dissent.equals("whole") || dissent.equals(source);
    if (dissented && !(glass && a.breakGlass().overridesDissent())) {
      return false;
    }
    Optional<SourceSharing> sharing = a.source(source);
    if (sharing.isEmpty() || sharing.get().sectionsFor(orgType).isEmpty()) {
      return false;
    }
    return sharing.get().shareIn() == ShareIn.IMPLIED || glass || permission;
  }

  /** The section and item rules of PRODUCT.md 3, 5 and 6. */
  private static boolean itemShown(
      SharingAgreement a,
      Role role,
      String orgType,
      String source,
      Section section,
      Optional<Sensitivity> label) {
    return a.roles().permittedSections(role).contains(section)
        && a.source(source).orElseThrow().sectionsFor(orgType).contains(section)
        && label.map(l -> a.sensitive().getOrDefault(l, Set.of()).contains(role)).orElse(true);
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
      List<String> violations, RecordView view, String breakGlass, String where) {
    boolean active = breakGlass.equals("active");
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

  /** A fresh patient in the register with this consent state. */
  private NhsNumber patient(String dissent, boolean permission, String breakGlass) {
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
    LaunchContext user = viewer(Role.CLINICIAN, "out-of-hours", patient);
    switch (breakGlass) {
      case "active" ->
          register.declareBreakGlass(
              patient,
              user,
              "Immediate risk to life",
              "Collapsed",
              "t",
              java.time.Duration.ofHours(4));
      case "expired" -> {
        clock.set(NOW.minusSeconds(5 * 3600));
        register.declareBreakGlass(
            patient,
            user,
            "Immediate risk to life",
            "Collapsed",
            "t",
            java.time.Duration.ofHours(4));
        clock.set(NOW);
      }
      default -> {}
    }
    return patient;
  }

  private static LaunchContext viewer(Role role, String orgType, NhsNumber patient) {
    return new LaunchContext(
        "http://launcher.test",
        "jti",
        "u1",
        "Dr Khan",
        role,
        ORGANISATIONS.get(orgType),
        orgType,
        orgType,
        "test",
        "directcare",
        patient,
        NOW.plusSeconds(300));
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
