package org.carelens.adapters.mentalhealth.internal;

import static org.carelens.adapters.mentalhealth.internal.Elements.attribute;
import static org.carelens.adapters.mentalhealth.internal.Elements.child;
import static org.carelens.adapters.mentalhealth.internal.Elements.text;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.w3c.dom.Element;

/**
 * The client's identity as the trust records it, so the gateway can compare it with other sources.
 * Identity is secondary here: an incomplete one is left out rather than failing the clinical
 * content, and the gateway then simply has one source fewer to compare.
 */
final class ClientIdentity {

  private static final System.Logger LOG = System.getLogger(ClientIdentity.class.getName());

  private ClientIdentity() {}

  static Optional<PatientIdentity> from(Element client, NhsNumber nhsNumber) {
    Optional<Element> name = child(client, "Name");
    Optional<String> family = name.flatMap(n -> attribute(n, "family"));
    Optional<LocalDate> birthDate = text(client, "DateOfBirth").flatMap(ClientIdentity::date);
    if (family.isEmpty() || birthDate.isEmpty()) {
      LOG.log(
          System.Logger.Level.INFO,
          "client identity incomplete (no family name or date of birth); not reported");
      return Optional.empty();
    }
    List<String> given =
        name.flatMap(n -> attribute(n, "given"))
            .map(g -> Arrays.asList(g.split("\\s+")))
            .orElse(List.of());
    return Optional.of(
        new PatientIdentity(
            nhsNumber,
            new HumanName(family.get(), given, name.flatMap(n -> attribute(n, "title"))),
            birthDate.get(),
            gender(text(client, "Gender").orElse("")),
            text(client, "Address"),
            text(client, "Telephone"),
            Optional.empty(),
            Optional.empty(),
            false));
  }

  private static Gender gender(String value) {
    return switch (value.toUpperCase(java.util.Locale.ROOT)) {
      case "MALE", "M" -> Gender.MALE;
      case "FEMALE", "F" -> Gender.FEMALE;
      case "OTHER", "I" -> Gender.OTHER;
      default -> Gender.UNKNOWN;
    };
  }

  private static Optional<LocalDate> date(String value) {
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
