package org.carelens.gateway.consent.sequences;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A generated sequence: who takes part (each launched for a patient or signed in with a national
 * role when it starts), what happens in order, and whether patient C is restricted (the S-flag,
 * which every source and the spine then say). Steps name people and patients by index (taken modulo
 * the roster, over three patients A, B and C), so any shrunk list of steps is still a sequence that
 * can be played.
 */
record Scenario(List<Scenario.Member> roster, List<Scenario.Step> steps, boolean restrictedC) {

  /** This scenario with {@code steps} instead, the same people and patients. */
  Scenario with(List<Member> roster, List<Step> steps) {
    return new Scenario(roster, steps, restrictedC);
  }

  static final List<String> PATIENTS = List.of("A", "B", "C");

  /** The organisation of each type the launching system knows; any other type gets its own. */
  static final Map<String, String> ODS =
      Map.of(
          "out-of-hours", "Y03012",
          "acute-trust", "RXX01",
          "local-authority", "LA001",
          "community-pharmacy", "FA123");

  /** An organisation no agreement lists: a sign-in with a role held there is refused. */
  static final String ELSEWHERE = "ZZ999";

  /**
   * A user: their role (as their clinical system asserts it in a launch), their organisation's type
   * (one organisation of each type), the patient their clinical system launches Carelens for (or,
   * once signed in, the patient they are caring for), the national RBAC job role code they hold
   * (e.g. {@code R8000}; mapped by the agreement or not), and whether they start the sequence by
   * signing in with it rather than being launched.
   */
  record Member(
      String role, String organisationType, int launchedFor, String nationalRole, boolean signsIn) {
    String ods() {
      return ODS.getOrDefault(organisationType, "X-" + organisationType);
    }

    /** The same person, launched at the start rather than signing in. */
    Member launched() {
      return new Member(role, organisationType, launchedFor, nationalRole, false);
    }
  }

  /** One thing that happens. */
  sealed interface Step {}

  /** {@code who} launches from their clinical system for {@code patient}: a new session. */
  record Launch(int who, int patient) implements Step {}

  /**
   * {@code who} signs in with their national role, at their own organisation or, when {@code
   * elsewhere}, at one the agreement does not list: a new session bound to no patient, if accepted.
   */
  record SignIn(int who, boolean elsewhere) implements Step {}

  /** {@code who} searches the spine for {@code patient}, {@code by} these criteria. */
  record Search(int who, int patient, By by) implements Step {}

  /** How a search names the patient. */
  enum By {
    /** Their NHS number. */
    NHS_NUMBER,
    /** Their family name and date of birth. */
    DETAILS,
    /** A valid NHS number nobody on the spine has. */
    UNKNOWN_NHS_NUMBER,
    /** Their NHS number with another check digit. */
    BAD_CHECK_DIGIT
  }

  /** {@code who} opens the record of {@code patient}, whole or as the event stream. */
  record View(int who, int patient, boolean stream) implements Step {}

  /**
   * {@code who} opens the content of a document of {@code patient}: the one source number {@code
   * source} holds with label number {@code label} (0: unlabelled), by the id the view lists it
   * with, whether or not their view shows it.
   */
  record Document(int who, int patient, int source, int label) implements Step {}

  /**
   * {@code who} claims a relationship with {@code patient}, {@code times} times in a row, with the
   * agreement's reason code number {@code reason} (one past the last: a code it does not list).
   */
  record Claim(int who, int patient, int reason, int times) implements Step {}

  /** {@code who} records the patient's permission to view, for as long as {@code length} says. */
  record Permission(int who, int patient, Length length) implements Step {}

  /**
   * {@code who} revokes permission number {@code which} (modulo those recorded so far); a negative
   * {@code who} is the IG officer keeping the register.
   */
  record RevokePermission(int who, int which) implements Step {}

  /** How long a permission is asked for. */
  enum Length {
    /** No {@code until}: the agreement's longest. */
    DEFAULT,
    /** One hour. */
    ONE_HOUR,
    /** An hour more than the agreement allows. */
    TOO_LONG
  }

  /** {@code who} declares break-glass for {@code patient}, {@code times} times in a row. */
  record BreakGlass(int who, int patient, int times) implements Step {}

  /**
   * An IG officer registers the patient's dissent: from source number {@code source} of the
   * configured ones, or from the whole record when it is negative.
   */
  record Dissent(int patient, int source) implements Step {}

  /** An IG officer revokes dissent number {@code which} (modulo those registered so far). */
  record Revoke(int which) implements Step {}

  /** Time passes. */
  record Wait(Duration duration) implements Step {}

  Member member(int who) {
    return roster.get(Math.floorMod(who, roster.size()));
  }

  /** How a person is named in stories: role, number in the roster, organisation. */
  String name(int who) {
    int i = Math.floorMod(who, roster.size());
    Member m = roster.get(i);
    return m.role() + "#" + (i + 1) + "@" + m.ods();
  }

  static String patient(int patient) {
    return PATIENTS.get(Math.floorMod(patient, PATIENTS.size()));
  }

  @Override
  public String toString() {
    List<String> told = new ArrayList<>();
    if (restrictedC) {
      told.add("C is a restricted (S-flag) patient");
    }
    for (int i = 0; i < roster.size(); i++) {
      Member m = roster.get(i);
      told.add(
          m.signsIn()
              ? name(i) + " signs in as " + m.nationalRole()
              : name(i) + " launches for " + patient(m.launchedFor()));
    }
    for (Step step : steps) {
      told.add(
          switch (step) {
            case Launch l -> name(l.who()) + " launches for " + patient(l.patient());
            case SignIn i ->
                name(i.who())
                    + " signs in as "
                    + member(i.who()).nationalRole()
                    + (i.elsewhere() ? " at " + ELSEWHERE : "");
            case Search f ->
                name(f.who())
                    + " searches for "
                    + patient(f.patient())
                    + " by "
                    + f.by().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
            case View v ->
                name(v.who()) + (v.stream() ? " streams " : " views ") + patient(v.patient());
            case Document d ->
                name(d.who())
                    + " opens document #"
                    + d.label()
                    + " of source #"
                    + d.source()
                    + " for "
                    + patient(d.patient());
            case Claim c ->
                name(c.who())
                    + " claims "
                    + patient(c.patient())
                    + " (reason #"
                    + c.reason()
                    + ")"
                    + (c.times() > 1 ? " ×" + c.times() : "");
            case Permission p ->
                name(p.who())
                    + " records permission for "
                    + patient(p.patient())
                    + " "
                    + p.length();
            case BreakGlass b ->
                name(b.who())
                    + " breaks glass for "
                    + patient(b.patient())
                    + (b.times() > 1 ? " ×" + b.times() : "");
            case Dissent d ->
                "dissent for "
                    + patient(d.patient())
                    + (d.source() < 0 ? " (whole record)" : " (source #" + d.source() + ")");
            case Revoke r -> "revoke dissent #" + r.which();
            case RevokePermission r ->
                (r.who() < 0 ? "IG officer" : name(r.who())) + " revokes permission #" + r.which();
            case Wait w -> w.duration() + " passes";
          });
    }
    return String.join("; ", told);
  }
}
