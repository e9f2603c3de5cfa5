package org.carelens.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.consent.oracle.AgreementRules;
import org.carelens.gateway.consent.oracle.ConsentRules;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.Role;
import org.carelens.policy.agreement.AgreementLoader;
import org.carelens.policy.consent.Dissent;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;
import org.junit.jupiter.api.Test;

/**
 * The policy module's decisions against the independent oracle ({@link ConsentRules}), both ways,
 * over the whole matrix: the demo agreement as shipped, with break-glass overriding dissent, and
 * with organisation-wide permission; every role; every organisation type and one the agreement does
 * not know; every way a viewer can stand with the patient (launched, self-claimed, break-glass
 * active, ended or expired); dissent from nothing, the whole record, an implied and an explicit
 * source; no permission, the viewer's own, a colleague's and another organisation's; every source
 * of the agreement and one outside it; every section; every label and none. For each item the
 * policy shows it exactly when the oracle does. Prints the number of decisions compared.
 *
 * <p>It lives in the gateway's tests, not the policy module's, because the oracle does: the gateway
 * depends on the policy module, not the other way round.
 */
class AccessPolicyInvariantsTest {

  static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
  static final String ODS = "Y03012";
  static final String UNAGREED = "hospice";

  /** How the viewer stands with the patient, as the gateway hands it to the policy. */
  enum Standing {
    LAUNCHED(Relationship.LAUNCHED_IN_CONTEXT, Optional.empty(), ConsentRules.Access.LAUNCHED),
    SELF_CLAIMED(Relationship.SELF_CLAIMED, Optional.empty(), ConsentRules.Access.SELF_CLAIMED),
    BREAK_GLASS_ACTIVE(
        Relationship.BREAK_GLASS,
        Optional.of(NOW.plusSeconds(60)),
        ConsentRules.Access.BREAK_GLASS),
    /** Another patient reached only by a break-glass that has ended: none is in force. */
    BREAK_GLASS_ENDED(Relationship.BREAK_GLASS, Optional.empty(), ConsentRules.Access.NONE),
    /** As ended, with the end time passed in rather than left out. */
    BREAK_GLASS_EXPIRED(
        Relationship.BREAK_GLASS, Optional.of(NOW.minusSeconds(60)), ConsentRules.Access.NONE);

    final Relationship relationship;
    final Optional<Instant> breakGlassUntil;
    final ConsentRules.Access access;

    Standing(
        Relationship relationship, Optional<Instant> breakGlassUntil, ConsentRules.Access access) {
      this.relationship = relationship;
      this.breakGlassUntil = breakGlassUntil;
      this.access = access;
    }
  }

  /** Whose permission to view is recorded for the patient. */
  enum Permitted {
    NONE,
    VIEWER,
    COLLEAGUE,
    OTHER_ORGANISATION;

    List<PatientConsent.PermissionToView> forPolicy() {
      return switch (this) {
        case NONE -> List.of();
        case VIEWER -> List.of(new PatientConsent.PermissionToView(ODS, "u", NOW.plusSeconds(60)));
        case COLLEAGUE ->
            List.of(new PatientConsent.PermissionToView(ODS, "colleague", NOW.plusSeconds(60)));
        case OTHER_ORGANISATION ->
            List.of(new PatientConsent.PermissionToView("RXX01", "u", NOW.plusSeconds(60)));
      };
    }

    List<ConsentRules.Permission> forOracle() {
      return forPolicy().stream()
          .map(p -> new ConsentRules.Permission(p.recordedBy(), p.organisationOds()))
          .toList();
    }
  }

  @Test
  void the_policy_shows_exactly_what_the_oracle_permits_across_the_whole_matrix() {
    String shipped = AgreementRules.text("agreements/riverside.yml");
    List<String> agreements =
        List.of(
            shipped,
            shipped.replace("overridesDissent: false", "overridesDissent: true"),
            shipped.replace("scope: user", "scope: organisation"));
    assertThat(agreements).doesNotHaveDuplicates();
    List<String> disagreements = new ArrayList<>();
    long compared = 0;
    long shown = 0;
    for (String text : agreements) {
      AccessPolicy policy = new AccessPolicy(AgreementLoader.parse(text, "riverside.yml"));
      ConsentRules oracle = new ConsentRules(AgreementRules.read(text));
      List<String> sources = new ArrayList<>(oracle.agreement().sources().keySet());
      sources.add(UNAGREED);
      List<String> organisationTypes = new ArrayList<>(oracle.agreement().organisationTypes());
      organisationTypes.add("unknown");
      for (Role role : Role.values()) {
        for (String type : organisationTypes) {
          for (Standing standing : Standing.values()) {
            for (String dissent : List.of("none", "whole", "gp", "mental-health")) {
              for (Permitted permitted : Permitted.values()) {
                Viewer viewer = new Viewer("u", role, ODS, type, standing.relationship);
                PatientConsent consent =
                    new PatientConsent(
                        dissents(dissent), permitted.forPolicy(), standing.breakGlassUntil, false);
                ConsentRules.Viewer oracleViewer =
                    new ConsentRules.Viewer("u", role.code(), ODS, type);
                ConsentRules.Consent oracleConsent =
                    new ConsentRules.Consent(
                        dissent.equals("whole"),
                        dissent.equals("none") || dissent.equals("whole")
                            ? Set.of()
                            : Set.of(dissent),
                        permitted.forOracle());
                for (String source : sources) {
                  Decision sourceDecision = policy.decideSource(viewer, consent, source, NOW);
                  for (Section section : Section.values()) {
                    for (Optional<Sensitivity> label : labels()) {
                      compared++;
                      boolean policyShows =
                          sourceDecision.permitted()
                              && policy
                                  .decideItem(
                                      viewer, source, section, label.map(Set::of).orElse(Set.of()))
                                  .permitted();
                      boolean oracleShows =
                          oracle.shows(
                              oracleViewer,
                              standing.access,
                              oracleConsent,
                              source,
                              section.key(),
                              label.map(AccessPolicyInvariantsTest::code));
                      if (policyShows) {
                        shown++;
                      }
                      if (policyShows != oracleShows && disagreements.size() < 20) {
                        disagreements.add(
                            "%s: %s@%s %s dissent=%s permission=%s %s/%s%s"
                                .formatted(
                                    policyShows
                                        ? "shown, the oracle withholds"
                                        : "withheld, the oracle permits",
                                    role.code(),
                                    type,
                                    standing,
                                    dissent,
                                    permitted,
                                    source,
                                    section.key(),
                                    label.map(l -> "[" + code(l) + "]").orElse("")));
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
    System.out.printf(
        "AccessPolicy against the oracle: %,d item decisions compared both ways, %,d shown, %,d"
            + " withheld%n",
        compared, shown, compared - shown);
    assertThat(disagreements).isEmpty();
    assertThat(shown).as("some items are shown, or the comparison is vacuous").isPositive();
    assertThat(compared - shown).as("some items are withheld").isPositive();
  }

  private static List<Dissent> dissents(String dissent) {
    return switch (dissent) {
      case "none" -> List.of();
      case "whole" -> List.of(Dissent.wholeRecord());
      default -> List.of(Dissent.fromSource(dissent));
    };
  }

  private static List<Optional<Sensitivity>> labels() {
    List<Optional<Sensitivity>> labels = new ArrayList<>();
    labels.add(Optional.empty());
    for (Sensitivity s : Sensitivity.values()) {
      labels.add(Optional.of(s));
    }
    return labels;
  }

  private static String code(Sensitivity label) {
    return label.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
