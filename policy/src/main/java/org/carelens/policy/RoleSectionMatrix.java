package org.carelens.policy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.carelens.sdk.model.Section;

/**
 * Which sections each role may see (PRODUCT.md rule 5, role-based access). Demographics are not a
 * section: every role that may open a record sees the patient banner.
 *
 * <p>The default follows what each user needs in their first 30 seconds, and no more: social
 * workers get a summary without medication, results or clinical notes; administrators see
 * demographics only; IG officers audit access and do not need clinical content.
 */
public final class RoleSectionMatrix {

  private final Map<Role, Set<Section>> permitted;

  public RoleSectionMatrix(Map<Role, Set<Section>> permitted) {
    EnumMap<Role, Set<Section>> copy = new EnumMap<>(Role.class);
    permitted.forEach((role, sections) -> copy.put(role, Set.copyOf(sections)));
    this.permitted = copy;
  }

  /** The matrix used when a deployment configures none. */
  public static RoleSectionMatrix defaults() {
    Map<Role, Set<Section>> m = new EnumMap<>(Role.class);
    m.put(Role.CLINICIAN, EnumSet.allOf(Section.class));
    m.put(
        Role.PHARMACIST,
        EnumSet.of(
            Section.ALERTS,
            Section.ALLERGIES,
            Section.MEDICATIONS,
            Section.PROBLEMS,
            Section.ENCOUNTERS,
            Section.RESULTS,
            Section.IMMUNISATIONS,
            Section.DOCUMENTS,
            Section.CARE_TEAM));
    m.put(
        Role.SOCIAL_WORKER,
        EnumSet.of(
            Section.ALERTS,
            Section.ENCOUNTERS,
            Section.REFERRALS,
            Section.CARE_TEAM,
            Section.SOCIAL_CARE));
    m.put(Role.IG_OFFICER, EnumSet.noneOf(Section.class));
    m.put(Role.FEDERATION_IG, EnumSet.noneOf(Section.class));
    m.put(Role.ADMINISTRATOR, EnumSet.noneOf(Section.class));
    return new RoleSectionMatrix(m);
  }

  /**
   * Decides whether {@code role} may see {@code section}; roles absent from the matrix see nothing.
   */
  public Decision decide(Role role, Section section) {
    if (permitted.getOrDefault(role, Set.of()).contains(section)) {
      return new Decision.Permit("role-section-matrix");
    }
    return new Decision.Withhold(
        "ROLE_NOT_PERMITTED",
        "The %s role may not see the %s section".formatted(role.code(), section.key()),
        "role-section-matrix");
  }

  /** The sections {@code role} may see, in reading order. */
  public Set<Section> permittedSections(Role role) {
    Set<Section> sections = permitted.getOrDefault(role, Set.of());
    return sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections);
  }
}
