package org.carelens.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.agreement.AgreementLoaderTest;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.junit.jupiter.api.Test;

/**
 * Walks every combination of role, organisation type, relationship, source, section, sensitivity,
 * dissent, permission to view, break-glass state and the agreement's dissent override, and checks
 * the rules that must hold whatever else is true. Prints the number of combinations checked.
 */
class AccessPolicyInvariantsTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void no_combination_breaks_the_consent_rules() {
    int checked = 0;
    List<String> violations = new ArrayList<>();
    for (boolean override : List.of(false, true)) {
      AccessPolicy policy =
          new AccessPolicy(
              AgreementLoader.parse(
                  AgreementLoaderTest.VALID.replace(
                      "overridesDissent: false", "overridesDissent: " + override),
                  "t.yml"));
      for (Role role : Role.values()) {
        for (String orgType :
            List.of("out-of-hours", "acute-trust", "local-authority", "unknown")) {
          for (Relationship relationship : Relationship.values()) {
            for (String dissent : List.of("none", "whole", "gp", "mental-health")) {
              for (boolean permission : List.of(false, true)) {
                for (String breakGlass : List.of("none", "active", "expired")) {
                  Viewer viewer = new Viewer("u", role, "Y03012", orgType, relationship);
                  PatientConsent consent = consent(dissent, permission, breakGlass);
                  for (String source : List.of("gp", "mental-health", "acute")) {
                    Decision sourceDecision = policy.decideSource(viewer, consent, source, NOW);
                    for (Section section : Section.values()) {
                      for (Optional<Sensitivity> label : labels()) {
                        checked++;
                        boolean shown =
                            sourceDecision.permitted()
                                && policy
                                    .decideItem(
                                        viewer,
                                        source,
                                        section,
                                        label.map(Set::of).orElse(Set.of()))
                                    .permitted();
                        check(
                            violations,
                            shown,
                            override,
                            viewer,
                            consent,
                            dissent,
                            breakGlass,
                            source,
                            section,
                            label,
                            policy);
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    System.out.printf("AccessPolicy invariants: %,d combinations checked%n", checked);
    assertThat(violations).isEmpty();
    assertThat(checked).isGreaterThan(100_000);
  }

  private static void check(
      List<String> violations,
      boolean shown,
      boolean override,
      Viewer viewer,
      PatientConsent consent,
      String dissent,
      String breakGlass,
      String source,
      Section section,
      Optional<Sensitivity> label,
      AccessPolicy policy) {
    String where =
        "%s %s %s dissent=%s bg=%s override=%s %s %s %s"
            .formatted(
                viewer.role(),
                viewer.organisationType(),
                viewer.relationship(),
                dissent,
                breakGlass,
                override,
                source,
                section,
                label);
    boolean dissented = dissent.equals("whole") || dissent.equals(source);
    boolean breakGlassActive =
        viewer.relationship() == Relationship.BREAK_GLASS && breakGlass.equals("active");
    if (shown && dissented && !(override && breakGlassActive)) {
      violations.add("dissent ignored: " + where);
    }
    if (shown
        && viewer.relationship() == Relationship.BREAK_GLASS
        && !breakGlass.equals("active")) {
      violations.add("break-glass not active: " + where);
    }
    if (shown && !policy.agreement().roles().permittedSections(viewer.role()).contains(section)) {
      violations.add("role matrix ignored: " + where);
    }
    if (shown
        && label.isPresent()
        && (viewer.relationship() == Relationship.SELF_CLAIMED
            || !policy
                .agreement()
                .sensitive()
                .getOrDefault(label.get(), Set.of())
                .contains(viewer.role()))) {
      violations.add("sensitive item shown: " + where);
    }
    if (shown && source.equals("acute")) {
      violations.add("source outside the agreement shown: " + where);
    }
    if (shown
        && source.equals("mental-health")
        && !breakGlassActive
        && consent.permissionsToView().isEmpty()) {
      violations.add("explicit share-in ignored: " + where);
    }
    // And the converse: an ordinary, unlabelled item the rules allow is never lost.
    boolean shouldShow =
        !dissented
            && viewer.relationship() == Relationship.LAUNCHED_IN_CONTEXT
            && label.isEmpty()
            && source.equals("gp")
            && policy.sectionsFor(viewer, source).contains(section);
    if (shouldShow && !shown) {
      violations.add("permitted item withheld: " + where);
    }
  }

  private static List<Optional<Sensitivity>> labels() {
    List<Optional<Sensitivity>> labels = new ArrayList<>();
    labels.add(Optional.empty());
    for (Sensitivity s : Sensitivity.values()) {
      labels.add(Optional.of(s));
    }
    return labels;
  }

  private static PatientConsent consent(String dissent, boolean permission, String breakGlass) {
    List<Dissent> dissents =
        switch (dissent) {
          case "none" -> List.of();
          case "whole" -> List.of(Dissent.wholeRecord());
          default -> List.of(Dissent.fromSource(dissent));
        };
    List<PatientConsent.PermissionToView> permissions =
        permission
            ? List.of(new PatientConsent.PermissionToView("Y03012", "u", NOW.plusSeconds(60)))
            : List.of();
    Optional<Instant> until =
        switch (breakGlass) {
          case "active" -> Optional.of(NOW.plusSeconds(60));
          case "expired" -> Optional.of(NOW.minusSeconds(60));
          default -> Optional.empty();
        };
    return new PatientConsent(dissents, permissions, until, false);
  }
}
