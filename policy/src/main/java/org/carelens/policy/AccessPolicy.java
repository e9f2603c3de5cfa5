package org.carelens.policy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.carelens.policy.agreement.PermissionToViewRules;
import org.carelens.policy.agreement.ShareIn;
import org.carelens.policy.agreement.SharingAgreement;
import org.carelens.policy.agreement.SourceSharing;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.Sensitivity;

/**
 * The consent and access rules of PRODUCT.md applied under one sharing agreement. Pure: the time is
 * passed in, nothing is read or written. Every method fails closed: a source, section or item is
 * withheld unless a rule positively permits it, and every decision names the rule that fired.
 *
 * <p>Order for a source: break-glass validity, patient dissent (rule 2), the agreement's share-out
 * (rule 3), share-in (rule 4). Then per section the role matrix (rule 5) and the source's share for
 * the viewer's organisation type; per item the sensitivity labels (rule 6).
 */
public final class AccessPolicy {

  private final SharingAgreement agreement;

  public AccessPolicy(SharingAgreement agreement) {
    this.agreement = agreement;
  }

  public SharingAgreement agreement() {
    return agreement;
  }

  /** Whether the source may be asked about this patient for this viewer at all. */
  public Decision decideSource(
      Viewer viewer, PatientConsent consent, String sourceId, Instant now) {
    boolean breakGlass = viewer.relationship() == Relationship.BREAK_GLASS;
    if (breakGlass && consent.breakGlassUntil().filter(now::isBefore).isEmpty()) {
      return new Decision.Withhold(
          "BREAK_GLASS_EXPIRED",
          "Break-glass access has ended; declare it again or establish a relationship",
          "break-glass");
    }
    Set<Obligation> obligations = relationshipObligations(viewer);
    if (consent.dissents().stream().anyMatch(d -> d.covers(sourceId))) {
      if (!(breakGlass && agreement.breakGlass().overridesDissent())) {
        return new Decision.Withhold(
            "PATIENT_DISSENT",
            "The patient has dissented from sharing " + describe(sourceId),
            "dissent",
            Set.of(Obligation.SHOW_WITHHELD_NOTICE));
      }
    }
    Optional<SourceSharing> sharing = agreement.source(sourceId);
    if (sharing.isEmpty()) {
      return new Decision.Withhold(
          "NOT_IN_AGREEMENT",
          "Source '%s' is not part of agreement %s v%d"
              .formatted(sourceId, agreement.id(), agreement.version()),
          "share-out");
    }
    if (sharing.get().sectionsFor(viewer.organisationType()).isEmpty()) {
      return new Decision.Withhold(
          "NOT_SHARED_WITH_ORGANISATION_TYPE",
          "Source '%s' shares nothing with %s organisations"
              .formatted(sourceId, viewer.organisationType()),
          "share-out");
    }
    if (sharing.get().shareIn() == ShareIn.EXPLICIT
        && !breakGlass
        && !hasPermission(viewer, consent, now)) {
      return new Decision.Withhold(
          "PERMISSION_TO_VIEW_REQUIRED",
          "Source '%s' requires the patient's permission to view, recorded at the point of care"
              .formatted(sourceId),
          "share-in",
          Set.of(Obligation.PROMPT_FOR_PERMISSION));
    }
    return new Decision.Permit("source-permitted", obligations);
  }

  /** The sections this viewer may see from this source: the role matrix and the source's share. */
  public Set<Section> sectionsFor(Viewer viewer, String sourceId) {
    Set<Section> sections = EnumSet.noneOf(Section.class);
    sections.addAll(agreement.roles().permittedSections(viewer.role()));
    sections.retainAll(
        agreement
            .source(sourceId)
            .map(s -> s.sectionsFor(viewer.organisationType()))
            .orElse(Set.of()));
    return sections;
  }

  /** Whether this viewer may see this section from this source. */
  public Decision decideSection(Viewer viewer, String sourceId, Section section) {
    Decision byRole = agreement.roles().decide(viewer.role(), section);
    if (!byRole.permitted()) {
      return byRole;
    }
    if (!sectionsFor(viewer, sourceId).contains(section)) {
      return new Decision.Withhold(
          "SECTION_NOT_SHARED",
          "Source '%s' does not share %s with %s organisations"
              .formatted(sourceId, section.key(), viewer.organisationType()),
          "share-out");
    }
    return new Decision.Permit("section-permitted");
  }

  /**
   * Whether this viewer may see this item. Sensitive items are shown only to roles the agreement
   * lists for every label the item carries, and never on a self-claimed relationship.
   */
  public Decision decideItem(Viewer viewer, ClinicalItem item) {
    return decideItem(viewer, item.provenance().sourceId(), item.section(), item.sensitivity());
  }

  /** As {@link #decideItem(Viewer, ClinicalItem)}, for an item described by its parts. */
  public Decision decideItem(
      Viewer viewer, String sourceId, Section itemSection, Set<Sensitivity> labels) {
    Decision section = decideSection(viewer, sourceId, itemSection);
    if (!section.permitted()) {
      return section;
    }
    for (Sensitivity label : labels) {
      boolean roleAllowed =
          agreement.sensitive().getOrDefault(label, Set.of()).contains(viewer.role());
      if (!roleAllowed || viewer.relationship() == Relationship.SELF_CLAIMED) {
        return new Decision.Withhold(
            "SENSITIVE_ITEM",
            "An item labelled %s is not shown to a %s on a %s relationship"
                .formatted(label, viewer.role().code(), viewer.relationship()),
            "sensitive-data",
            Set.of(Obligation.SHOW_WITHHELD_NOTICE));
      }
    }
    return new Decision.Permit("item-permitted");
  }

  /** PRODUCT.md rule 8: for a restricted patient, address, telephone and practice are hidden. */
  public boolean hideContactDetails(PatientConsent consent) {
    return consent.restricted();
  }

  private static Set<Obligation> relationshipObligations(Viewer viewer) {
    Set<Obligation> obligations = new HashSet<>();
    switch (viewer.relationship()) {
      case BREAK_GLASS -> {
        obligations.add(Obligation.SHOW_BREAK_GLASS_BANNER);
        obligations.add(Obligation.NOTIFY_PRIVACY_OFFICER);
      }
      case SELF_CLAIMED -> obligations.add(Obligation.FLAG_FOR_IG_REVIEW);
      case LAUNCHED_IN_CONTEXT -> {}
    }
    return obligations;
  }

  /**
   * PRODUCT.md rule 4: a permission lets its recorder see, and their colleagues only when the
   * agreement says permission is organisation-wide.
   */
  private boolean hasPermission(Viewer viewer, PatientConsent consent, Instant now) {
    boolean organisationWide =
        agreement.permissionToView().scope() == PermissionToViewRules.Scope.ORGANISATION;
    return consent.permissionsToView().stream()
        .anyMatch(
            p ->
                p.organisationOds().equals(viewer.organisationOds())
                    && (organisationWide || p.recordedBy().equals(viewer.userId()))
                    && now.isBefore(p.until()));
  }

  private static String describe(String sourceId) {
    return "source '" + sourceId + "'";
  }
}
