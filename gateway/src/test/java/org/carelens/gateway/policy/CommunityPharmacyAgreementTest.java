package org.carelens.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Role;
import org.carelens.policy.consent.Relationship;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.Section;
import org.junit.jupiter.api.Test;

/**
 * What the demo agreement shows a community pharmacist launched from the community pharmacy system
 * (issue 10): the medicines picture, not the clinical record, and nothing from mental health or
 * social care.
 */
class CommunityPharmacyAgreementTest {

  static final Viewer COMMUNITY_PHARMACIST =
      new Viewer(
          "555010000106",
          Role.PHARMACIST,
          "FA123",
          "community-pharmacy",
          Relationship.LAUNCHED_IN_CONTEXT);

  @Test
  void
      a_community_pharmacist_sees_medicines_allergies_and_alerts_and_nothing_from_mental_health_or_social_care() {
    AccessPolicy policy =
        new AccessPolicy(AgreementFiles.load("classpath:agreements/riverside.yml"));

    Map<String, Set<Section>> sections = new LinkedHashMap<>();
    for (String source : new String[] {"gp", "acute", "pharmacy", "mental-health", "social-care"}) {
      sections.put(source, policy.sectionsFor(COMMUNITY_PHARMACIST, source));
    }

    assertThat(sections)
        .containsExactly(
            Map.entry("gp", Set.of(Section.ALERTS, Section.ALLERGIES, Section.MEDICATIONS)),
            Map.entry("acute", Set.of(Section.ALLERGIES, Section.MEDICATIONS)),
            Map.entry("pharmacy", Set.of(Section.MEDICATIONS)),
            Map.entry("mental-health", Set.of()),
            Map.entry("social-care", Set.of()));
  }
}
