package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The clinical sections of a record view. A section missing from the response is treated like an
 * unavailable one by the portal, never as "nothing recorded".
 */
@Serdeable
public record Sections(
    @Nullable ItemSection<AlertEntry> alerts,
    @Nullable AllergySection allergies,
    @Nullable MedicationSection medications,
    @Nullable ItemSection<ProblemEntry> problems,
    @Nullable ItemSection<EncounterEntry> encounters,
    @Nullable ItemSection<ResultEntry> results,
    @Nullable ItemSection<ImmunisationEntry> immunisations,
    @Nullable ItemSection<DocumentEntry> documents,
    @Nullable ItemSection<ReferralEntry> referrals,
    @Nullable ItemSection<CareTeamEntry> careTeam,
    @Nullable ItemSection<SocialCareEntry> socialCare) {

  /** Sections as the portal's tests and older gateways send them: allergies and medications. */
  public Sections(@Nullable AllergySection allergies, @Nullable MedicationSection medications) {
    this(null, allergies, medications, null, null, null, null, null, null, null, null);
  }

  public Optional<AllergySection> allergiesIfPresent() {
    return Optional.ofNullable(allergies);
  }

  public Optional<MedicationSection> medicationsIfPresent() {
    return Optional.ofNullable(medications);
  }
}
