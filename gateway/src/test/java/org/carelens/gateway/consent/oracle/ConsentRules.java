package org.carelens.gateway.consent.oracle;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * PRODUCT.md's consent and access rules, one item at a time, written down as plainly as they read:
 * a viewer sees an item only if every rule lets them. Nothing here is shared with the policy
 * module; the agreement is {@link AgreementRules}, read from the same file.
 */
public final class ConsentRules {

  /** How the viewer came to this patient, at the moment of the view. */
  public enum Access {
    /** Their session was launched in context for this patient (rule 1). */
    LAUNCHED,
    /** Their session claimed a relationship, with a reason (rule 1). */
    SELF_CLAIMED,
    /** Their session declared break-glass for this patient and it has not ended (rule 7). */
    BREAK_GLASS,
    /** None of these holds any more (a break-glass for another patient has ended). */
    NONE
  }

  /** Who is looking: role and organisation type as launch tokens and agreements spell them. */
  public record Viewer(String user, String role, String ods, String organisationType) {}

  /**
   * The patient's consent at the moment of the view.
   *
   * @param wholeRecordDissent an unrevoked dissent from the whole record
   * @param dissentedSources sources with an unrevoked dissent of their own
   * @param permissions permissions to view not yet lapsed
   */
  public record Consent(
      boolean wholeRecordDissent, Set<String> dissentedSources, List<Permission> permissions) {

    public static Consent none() {
      return new Consent(false, Set.of(), List.of());
    }
  }

  /** A permission to view recorded by {@code user} of organisation {@code ods}. */
  public record Permission(String user, String ods) {}

  private final AgreementRules agreement;

  public ConsentRules(AgreementRules agreement) {
    this.agreement = agreement;
  }

  public AgreementRules agreement() {
    return agreement;
  }

  /**
   * Whether anything of {@code source} may reach this viewer: rules 1 to 4. The source's share of
   * the patient's identity (the banner) may be shown exactly when this holds.
   */
  public boolean sourceOpen(Viewer viewer, Access access, Consent consent, String source) {
    if (access == Access.NONE) {
      return false;
    }
    AgreementRules.SourceRule rule = agreement.sources().get(source);
    if (rule == null) {
      return false; // rule 3: a source outside the agreement shares nothing
    }
    boolean glass = access == Access.BREAK_GLASS;
    boolean dissented = consent.wholeRecordDissent() || consent.dissentedSources().contains(source);
    if (dissented && !(glass && agreement.breakGlass().overridesDissent())) {
      return false; // rule 2
    }
    if (rule.sectionsFor(viewer.organisationType()).isEmpty()) {
      return false; // rule 3
    }
    if (rule.explicitShareIn() && !glass && !permitted(viewer, consent)) {
      return false; // rule 4
    }
    return true;
  }

  /** Whether this item may be shown: {@link #sourceOpen}, then rules 3, 5 and 6. */
  public boolean shows(
      Viewer viewer,
      Access access,
      Consent consent,
      String source,
      String section,
      Optional<String> label) {
    if (!sourceOpen(viewer, access, consent, source)) {
      return false;
    }
    if (!agreement.sources().get(source).sectionsFor(viewer.organisationType()).contains(section)) {
      return false; // rule 3
    }
    if (!agreement.roleSections().getOrDefault(viewer.role(), Set.of()).contains(section)) {
      return false; // rule 5
    }
    if (label.isPresent()) {
      if (access == Access.SELF_CLAIMED) {
        return false; // rule 6 and the agreement: a claim withholds every sensitive item
      }
      if (!agreement.sensitive().getOrDefault(label.get(), Set.of()).contains(viewer.role())) {
        return false; // rule 6
      }
    }
    return true;
  }

  /**
   * Rule 4: a permission lets the user who recorded it see, and their colleagues only when the
   * agreement makes permission organisation-wide.
   */
  private boolean permitted(Viewer viewer, Consent consent) {
    return consent.permissions().stream()
        .anyMatch(
            p ->
                p.ods().equals(viewer.ods())
                    && (agreement.permission().organisationWide()
                        || p.user().equals(viewer.user())));
  }
}
