package org.carelens.gateway.consent.sequences;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Makes random {@link Scenario}s, and smaller versions of a failing one.
 *
 * <p>Generation: one to four people of any role and organisation type the agreement names, each
 * holding a national RBAC role (the one the agreement maps to their role, or one in eight a role it
 * does not map), each launched for one of the patients when the sequence starts or, one in four,
 * signing in instead; then one to {@value #MAX_STEPS} steps, views and launches most often, claims
 * and break-glass sometimes repeated past every daily cap, sign-ins (sometimes at an organisation
 * the agreement does not list) and searches by NHS number or details, waits chosen at the
 * boundaries that matter (the cache's 30 s, the session's idle and whole lifetimes, break-glass's 4
 * h, the caps' 24 h).
 *
 * <p>Shrinking offers, most radical first: drop half, a quarter, ... down to one step of the
 * sequence; drop a person; launch a person who signed in; then make one step simpler (once instead
 * of twelve times, the whole view instead of the stream, the first person, patient or reason, a
 * search by NHS number, a sign-in at their own organisation, a shorter wait).
 */
final class Scenarios {

  static final int MAX_STEPS = 16;

  static final List<Duration> WAITS =
      List.of(
          Duration.ofSeconds(10),
          Duration.ofSeconds(31),
          Duration.ofMinutes(15),
          Duration.ofHours(1),
          Duration.ofHours(4),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofHours(24));

  /**
   * National RBAC job roles for people whose role the agreement maps from none: R1984 Health
   * Records Administrator, R8001 Nurse Access Role, R0260 General Medical Practitioner (whichever
   * the agreement leaves unmapped).
   */
  static final List<String> UNMAPPED_CANDIDATES = List.of("R1984", "R8001", "R0260");

  private Scenarios() {}

  /**
   * A random scenario whose people have the given roles and organisation types (every one the
   * agreement names, so one added there is covered without touching the test) and national roles
   * ({@code nationalRoles}: the agreement's {@code signIn.nationalRoles}, code to role).
   */
  static Scenario random(
      Random random, List<String> roles, List<String> types, Map<String, String> nationalRoles) {
    List<String> unmapped =
        UNMAPPED_CANDIDATES.stream().filter(c -> !nationalRoles.containsKey(c)).toList();
    List<Scenario.Member> roster = new ArrayList<>();
    int people = 1 + random.nextInt(4);
    for (int i = 0; i < people; i++) {
      String role = pick(random, roles);
      List<String> held =
          nationalRoles.entrySet().stream()
              .filter(e -> e.getValue().equals(role))
              .map(Map.Entry::getKey)
              .toList();
      String nationalRole =
          held.isEmpty() || random.nextInt(8) == 0 ? pick(random, unmapped) : pick(random, held);
      roster.add(
          new Scenario.Member(
              role,
              pick(random, types),
              random.nextInt(Scenario.PATIENTS.size()),
              nationalRole,
              random.nextInt(4) == 0));
    }
    List<Scenario.Step> steps = new ArrayList<>();
    int length = 1 + random.nextInt(MAX_STEPS);
    while (steps.size() < length) {
      steps.addAll(step(random, roster));
    }
    steps.subList(length, steps.size()).clear();
    return new Scenario(roster, steps, random.nextInt(3) == 0);
  }

  /**
   * One step; or, for someone who signed in, half the time instead of a view, the journey that
   * opens a patient for them: a search, a claim, then the view.
   */
  private static List<Scenario.Step> step(Random r, List<Scenario.Member> roster) {
    int who = r.nextInt(4);
    Scenario.Member member = roster.get(who % roster.size());
    int patient = r.nextInt(Scenario.PATIENTS.size());
    // Half the views are of the patient the person was launched for, which most often opens; three
    // in four for someone signed in, of the patient they are caring for (and claim).
    int viewed = r.nextInt(member.signsIn() ? 4 : 2) > 0 ? member.launchedFor() : patient;
    // Mostly once; one time in ten past every daily cap in one go.
    int times = r.nextInt(10) == 0 ? 12 : 1;
    int kind = r.nextInt(36);
    if (kind < 5) {
      return List.of(new Scenario.Launch(who, patient));
    } else if (kind < 15) {
      if (member.signsIn() && r.nextBoolean()) {
        return List.of(
            new Scenario.Search(
                who, viewed, r.nextBoolean() ? Scenario.By.NHS_NUMBER : Scenario.By.DETAILS),
            new Scenario.Claim(who, viewed, r.nextInt(5), 1),
            new Scenario.View(who, viewed, r.nextBoolean()));
      }
      return List.of(new Scenario.View(who, viewed, r.nextBoolean()));
    } else if (kind < 18) {
      // Someone signed in claims, mostly, the patient they are caring for, whom their views then
      // open; someone launched for a patient claims another.
      return List.of(
          new Scenario.Claim(who, member.signsIn() ? viewed : patient, r.nextInt(5), times));
    } else if (kind < 21) {
      // Like views, half for the patient the person was launched for: the only one it may succeed
      // for, and a permission that never succeeds cannot be revoked.
      return List.of(
          new Scenario.Permission(
              who, viewed, Scenario.Length.values()[r.nextInt(Scenario.Length.values().length)]));
    } else if (kind < 23) {
      return List.of(new Scenario.BreakGlass(who, patient, times));
    } else if (kind < 25) {
      return List.of(new Scenario.Dissent(patient, r.nextInt(9) - 1));
    } else if (kind < 26) {
      return List.of(new Scenario.Revoke(r.nextInt(4)));
    } else if (kind < 28) {
      // One time in three the IG officer, otherwise someone in the roster.
      return List.of(new Scenario.RevokePermission(r.nextInt(3) == 0 ? -1 : who, r.nextInt(3)));
    } else if (kind < 30) {
      // Half unlabelled: most labelled documents are withheld from most viewers.
      return List.of(
          new Scenario.Document(who, viewed, r.nextInt(16), r.nextBoolean() ? 0 : r.nextInt(16)));
    } else if (kind < 31) {
      // Half the time a launch instead: a sign-in ends what the person's launched session could
      // see. One sign-in in four at an organisation the agreement does not list.
      return List.of(
          r.nextBoolean()
              ? new Scenario.Launch(who, patient)
              : new Scenario.SignIn(who, r.nextInt(4) == 0));
    } else if (kind < 33) {
      // Half by NHS number, the rest by details, an unknown number or a bad check digit.
      Scenario.By[] ways = Scenario.By.values();
      return List.of(
          new Scenario.Search(
              who, viewed, r.nextBoolean() ? Scenario.By.NHS_NUMBER : ways[1 + r.nextInt(3)]));
    }
    return List.of(new Scenario.Wait(pick(r, WAITS)));
  }

  /** Smaller scenarios than {@code s}, most radical first. */
  static List<Scenario> smaller(Scenario s) {
    List<Scenario> candidates = new ArrayList<>();
    List<Scenario.Step> steps = s.steps();
    for (int chunk = steps.size() / 2; chunk >= 1; chunk /= 2) {
      for (int from = 0; from + chunk <= steps.size(); from += chunk) {
        List<Scenario.Step> fewer = new ArrayList<>(steps.subList(0, from));
        fewer.addAll(steps.subList(from + chunk, steps.size()));
        if (!fewer.isEmpty()) {
          candidates.add(s.with(s.roster(), fewer));
        }
      }
    }
    for (int i = 0; s.roster().size() > 1 && i < s.roster().size(); i++) {
      List<Scenario.Member> fewer = new ArrayList<>(s.roster());
      fewer.remove(i);
      candidates.add(s.with(fewer, renumber(steps, i, s.roster().size())));
    }
    for (int i = 0; i < s.roster().size(); i++) {
      if (s.roster().get(i).signsIn()) {
        List<Scenario.Member> launched = new ArrayList<>(s.roster());
        launched.set(i, launched.get(i).launched());
        candidates.add(s.with(launched, steps));
      }
    }
    for (int i = 0; i < steps.size(); i++) {
      for (Scenario.Step simpler : simpler(steps.get(i))) {
        List<Scenario.Step> changed = new ArrayList<>(steps);
        changed.set(i, simpler);
        candidates.add(s.with(s.roster(), changed));
      }
    }
    if (s.restrictedC()) {
      candidates.add(new Scenario(s.roster(), steps, false));
    }
    return candidates;
  }

  /**
   * The steps with person {@code removed} gone: steps that were theirs are dropped, later people
   * move up one, so everyone else keeps doing what they did.
   */
  private static List<Scenario.Step> renumber(List<Scenario.Step> steps, int removed, int size) {
    Function<Integer, Integer> moved =
        who -> {
          int i = Math.floorMod(who, size);
          return i > removed ? i - 1 : i;
        };
    List<Scenario.Step> kept = new ArrayList<>();
    for (Scenario.Step step : steps) {
      Integer who = who(step);
      if (who != null && Math.floorMod(who, size) == removed) {
        continue;
      }
      kept.add(
          switch (step) {
            case Scenario.Launch l -> new Scenario.Launch(moved.apply(l.who()), l.patient());
            case Scenario.SignIn i -> new Scenario.SignIn(moved.apply(i.who()), i.elsewhere());
            case Scenario.Search f ->
                new Scenario.Search(moved.apply(f.who()), f.patient(), f.by());
            case Scenario.View v ->
                new Scenario.View(moved.apply(v.who()), v.patient(), v.stream());
            case Scenario.Document d ->
                new Scenario.Document(moved.apply(d.who()), d.patient(), d.source(), d.label());
            case Scenario.Claim c ->
                new Scenario.Claim(moved.apply(c.who()), c.patient(), c.reason(), c.times());
            case Scenario.Permission p ->
                new Scenario.Permission(moved.apply(p.who()), p.patient(), p.length());
            case Scenario.BreakGlass b ->
                new Scenario.BreakGlass(moved.apply(b.who()), b.patient(), b.times());
            case Scenario.RevokePermission p when p.who() >= 0 ->
                new Scenario.RevokePermission(moved.apply(p.who()), p.which());
            default -> step;
          });
    }
    return kept.isEmpty() ? steps : kept;
  }

  private static Integer who(Scenario.Step step) {
    return switch (step) {
      case Scenario.Launch l -> l.who();
      case Scenario.SignIn i -> i.who();
      case Scenario.Search f -> f.who();
      case Scenario.View v -> v.who();
      case Scenario.Document d -> d.who();
      case Scenario.Claim c -> c.who();
      case Scenario.Permission p -> p.who();
      case Scenario.BreakGlass b -> b.who();
      case Scenario.RevokePermission p when p.who() >= 0 -> p.who();
      default -> null;
    };
  }

  private static List<Scenario.Step> simpler(Scenario.Step step) {
    List<Scenario.Step> simpler = new ArrayList<>();
    switch (step) {
      case Scenario.Launch l -> {
        if (l.patient() != 0) {
          simpler.add(new Scenario.Launch(l.who(), 0));
        }
      }
      case Scenario.SignIn i -> {
        if (i.elsewhere()) {
          simpler.add(new Scenario.SignIn(i.who(), false));
        }
      }
      case Scenario.Search f -> {
        if (f.by() != Scenario.By.NHS_NUMBER) {
          simpler.add(new Scenario.Search(f.who(), f.patient(), Scenario.By.NHS_NUMBER));
        }
      }
      case Scenario.View v -> {
        if (v.stream()) {
          simpler.add(new Scenario.View(v.who(), v.patient(), false));
        }
      }
      case Scenario.Document d -> {
        if (d.label() != 0) {
          simpler.add(new Scenario.Document(d.who(), d.patient(), d.source(), 0));
        }
      }
      case Scenario.Claim c -> {
        if (c.times() > 1) {
          simpler.add(new Scenario.Claim(c.who(), c.patient(), c.reason(), 1));
        }
        if (c.reason() != 0) {
          simpler.add(new Scenario.Claim(c.who(), c.patient(), 0, c.times()));
        }
      }
      case Scenario.Permission p -> {
        if (p.length() != Scenario.Length.DEFAULT) {
          simpler.add(new Scenario.Permission(p.who(), p.patient(), Scenario.Length.DEFAULT));
        }
      }
      case Scenario.BreakGlass b -> {
        if (b.times() > 1) {
          simpler.add(new Scenario.BreakGlass(b.who(), b.patient(), 1));
        }
      }
      case Scenario.Dissent d -> {
        if (d.source() >= 0) {
          simpler.add(new Scenario.Dissent(d.patient(), -1));
        }
      }
      case Scenario.Revoke r -> {
        if (r.which() != 0) {
          simpler.add(new Scenario.Revoke(0));
        }
      }
      case Scenario.RevokePermission p -> {
        if (p.who() >= 0) {
          simpler.add(new Scenario.RevokePermission(-1, p.which()));
        }
        if (p.which() != 0) {
          simpler.add(new Scenario.RevokePermission(p.who(), 0));
        }
      }
      case Scenario.Wait w -> {
        int i = WAITS.indexOf(w.duration());
        if (i > 0) {
          simpler.add(new Scenario.Wait(WAITS.get(i - 1)));
        }
      }
    }
    return simpler;
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
