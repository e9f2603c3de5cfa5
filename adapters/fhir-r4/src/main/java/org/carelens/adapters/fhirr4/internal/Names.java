package org.carelens.adapters.fhirr4.internal;

import java.util.Optional;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.HealthcareService;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/** What a person reads for a referenced resource: a name, or a coded display. */
final class Names {

  private Names() {}

  static Optional<String> of(Resource resource) {
    return switch (resource) {
      case Practitioner p -> p.getName().stream().findFirst().flatMap(Names::person);
      case RelatedPerson p -> p.getName().stream().findFirst().flatMap(Names::person);
      case PractitionerRole r ->
          r.hasPractitioner() && R4Values.hasText(r.getPractitioner().getDisplay())
              ? Optional.of(r.getPractitioner().getDisplay())
              : r.getCode().stream().findFirst().flatMap(R4Values::text);
      case Organization o ->
          R4Values.hasText(o.getName()) ? Optional.of(o.getName()) : Optional.empty();
      case Location l ->
          R4Values.hasText(l.getName()) ? Optional.of(l.getName()) : Optional.empty();
      case HealthcareService s ->
          R4Values.hasText(s.getName()) ? Optional.of(s.getName()) : Optional.empty();
      case CareTeam t ->
          R4Values.hasText(t.getName()) ? Optional.of(t.getName()) : Optional.empty();
      case Condition c -> R4Values.text(c.getCode());
      default -> Optional.empty();
    };
  }

  /** "Dr Sandra Gose": prefix, given names and family name. */
  static Optional<String> person(HumanName name) {
    if (R4Values.hasText(name.getText())) {
      return Optional.of(name.getText().strip());
    }
    String joined =
        java.util.stream.Stream.concat(
                java.util.stream.Stream.concat(
                    name.getPrefix().stream().map(p -> p.getValue()),
                    name.getGiven().stream().map(g -> g.getValue())),
                java.util.stream.Stream.of(name.getFamily()))
            .filter(R4Values::hasText)
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
  }
}
