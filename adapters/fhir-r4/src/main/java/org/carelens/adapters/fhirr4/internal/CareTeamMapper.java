package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.ContactPoint;

/**
 * UK Core CareTeam to one {@link CareTeamItem} per participant. A participant without a coded role
 * takes the team's category; with neither, SNOMED CT 223366009 "Healthcare professional", the least
 * that membership of a clinical team says.
 */
final class CareTeamMapper {

  static final CodedConcept HEALTHCARE_PROFESSIONAL =
      CodedConcept.snomed("223366009", "Healthcare professional");

  private CareTeamMapper() {}

  static List<CareTeamItem> map(CareTeam team, ResourceIndex index, ItemOrigin origin)
      throws BadResourceException {
    CareTeamItem.Status status =
        switch (team.getStatus()) {
          case ENTEREDINERROR -> null;
          case INACTIVE -> CareTeamItem.Status.ENDED;
          default ->
              team.getPeriod().hasEnd() ? CareTeamItem.Status.ENDED : CareTeamItem.Status.ACTIVE;
        };
    if (status == null) {
      return List.of();
    }
    Optional<String> teamName =
        R4Values.hasText(team.getName()) ? Optional.of(team.getName().strip()) : Optional.empty();
    CodedConcept teamConcept =
        team.getCategory().stream()
            .map(c -> R4Values.concept(c, CodedConcept.SNOMED_CT))
            .flatMap(Optional::stream)
            .findFirst()
            .orElse(HEALTHCARE_PROFESSIONAL);
    Optional<String> organisation =
        team.getManagingOrganization().stream()
            .map(o -> index.display(o, team))
            .flatMap(Optional::stream)
            .findFirst()
            .or(() -> teamName);
    Optional<String> contact =
        team.getTelecom().stream()
            .filter(ContactPoint::hasValue)
            .map(ContactPoint::getValue)
            .findFirst();
    List<CareTeamItem> items = new ArrayList<>();
    for (CareTeam.CareTeamParticipantComponent participant : team.getParticipant()) {
      CodedConcept role =
          participant.getRole().stream()
              .map(r -> R4Values.concept(r, CodedConcept.SNOMED_CT))
              .flatMap(Optional::stream)
              .findFirst()
              .orElse(teamConcept);
      String member =
          index
              .display(participant.getMember(), team)
              .or(() -> teamName)
              .orElseThrow(
                  () -> new BadResourceException(team, "with a participant without a name"));
      items.add(
          new CareTeamItem(
              origin.provenance(team),
              role,
              member,
              organisation,
              contact,
              status,
              R4Values.day(participant.getPeriod().getStartElement())
                  .or(() -> R4Values.day(team.getPeriod().getStartElement())),
              SensitivityLabels.of(team)));
    }
    return items;
  }
}
