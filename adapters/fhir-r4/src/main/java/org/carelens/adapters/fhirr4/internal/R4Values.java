package org.carelens.adapters.fhirr4.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.jspecify.annotations.Nullable;

/** Small, null-safe readers of R4 values. */
final class R4Values {

  /** The dm+d system as UK Core writes it. */
  static final String DMD = "https://dmd.nhs.uk";

  static final String NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
  static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

  /**
   * SNOMED CT "transfer-degraded" concepts (196461000000101 drug allergy, 196421000000109
   * medication entry, 196431000000106 non-drug allergy, 196411000000103 record entry): a GP2GP or
   * UK Core sender could not code the entry and put what it recorded in the text.
   */
  private static final java.util.Set<String> TRANSFER_DEGRADED =
      java.util.Set.of("196461000000101", "196421000000109", "196431000000106", "196411000000103");

  private R4Values() {}

  /** "AllergyIntolerance/2": how a resource is named in messages (never its content). */
  static String describe(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
  }

  /**
   * The item id kept in provenance: {@code Type/id}, because FHIR ids are unique only within a
   * resource type.
   */
  static String itemId(Resource resource) throws BadResourceException {
    String id = resource.getIdElement().getIdPart();
    if (id == null || id.isBlank()) {
      throw new BadResourceException(resource, "without an id");
    }
    return resource.fhirType() + "/" + id;
  }

  /**
   * The calendar day of a date or dateTime as the source wrote it. A date recorded only to the year
   * or month gives nothing: inventing a day would show false precision.
   */
  static Optional<LocalDate> day(@Nullable BaseDateTimeType value) {
    if (value == null || !value.hasValue() || value.getPrecision() == null) {
      return Optional.empty();
    }
    if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.getValueAsString().substring(0, 10)));
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * The moment of a dateTime or instant, with the offset the source wrote, when the source recorded
   * a time of day ({@code getPrecision()} finer than a day). A value recorded to the day gives
   * nothing: Carelens never invents a time. A time without an offset breaks R4's rule for {@code
   * dateTime} ("if hours and minutes are specified, a time zone SHALL be populated"); its moment is
   * unknown, so it gives nothing too, and the day is still read by {@link #day(BaseDateTimeType)}.
   */
  static Optional<OffsetDateTime> time(@Nullable BaseDateTimeType value) {
    if (value == null || !value.hasValue() || value.getPrecision() == null) {
      return Optional.empty();
    }
    if (value.getPrecision().ordinal() <= TemporalPrecisionEnum.DAY.ordinal()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.getValueAsString()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The day of a dateTime, or the start of a Period. */
  static Optional<LocalDate> day(@Nullable Type value) {
    if (value instanceof BaseDateTimeType dateTime) {
      return day(dateTime);
    }
    if (value instanceof Period period) {
      return day(period.getStartElement());
    }
    return Optional.empty();
  }

  static Optional<LocalDate> end(@Nullable Type value) {
    return value instanceof Period period ? day(period.getEndElement()) : Optional.empty();
  }

  static Optional<String> identifier(List<Identifier> identifiers, String system) {
    return identifiers.stream()
        .filter(i -> system.equals(i.getSystem()) && i.hasValue())
        .map(i -> i.getValue().strip())
        .findFirst();
  }

  /**
   * The concept as a canonical coded concept: the first coding in one of {@code systems} (in that
   * order of preference), else the first coding with a code. Display is the coding's display, else
   * the concept's text, else the code itself.
   */
  static Optional<CodedConcept> concept(@Nullable CodeableConcept concept, String... systems) {
    if (concept == null) {
      return Optional.empty();
    }
    Coding chosen = null;
    for (String system : systems) {
      for (Coding coding : concept.getCoding()) {
        if (system.equals(coding.getSystem()) && hasCode(coding)) {
          chosen = coding;
          break;
        }
      }
      if (chosen != null) {
        break;
      }
    }
    if (chosen == null) {
      chosen = concept.getCoding().stream().filter(R4Values::hasCode).findFirst().orElse(null);
    }
    if (chosen == null) {
      return Optional.empty();
    }
    String display =
        hasText(chosen.getDisplay())
            ? chosen.getDisplay().strip()
            : hasText(concept.getText()) ? concept.getText().strip() : chosen.getCode();
    if (TRANSFER_DEGRADED.contains(chosen.getCode().strip()) && hasText(concept.getText())) {
      // A degraded code carries no meaning of its own; the text is what the sender recorded.
      display = concept.getText().strip() + " (transfer-degraded)";
    }
    String system = chosen.hasSystem() ? canonicalSystem(chosen.getSystem()) : "";
    return Optional.of(new CodedConcept(system, chosen.getCode().strip(), display));
  }

  /** Like {@link #concept(CodeableConcept, String...)} but the concept is required. */
  static CodedConcept requireConcept(
      @Nullable CodeableConcept concept, Resource owner, String element, String... systems)
      throws BadResourceException {
    Optional<CodedConcept> coded = concept(concept, systems);
    if (coded.isEmpty()) {
      throw new BadResourceException(
          owner, element.equals("code") ? "without a code" : "without a coded " + element);
    }
    return coded.get();
  }

  static CodedConcept coding(Coding coding) {
    String display = hasText(coding.getDisplay()) ? coding.getDisplay().strip() : coding.getCode();
    return new CodedConcept(
        coding.hasSystem() ? canonicalSystem(coding.getSystem()) : "", coding.getCode(), display);
  }

  /** What a reader sees for a concept: its text, else its first coding's display. */
  static Optional<String> text(@Nullable CodeableConcept concept) {
    if (concept == null) {
      return Optional.empty();
    }
    if (hasText(concept.getText())) {
      return Optional.of(concept.getText().strip());
    }
    return concept.getCoding().stream()
        .filter(c -> hasText(c.getDisplay()))
        .map(c -> c.getDisplay().strip())
        .findFirst();
  }

  /** The first code of a concept in {@code system}. */
  static Optional<String> code(@Nullable CodeableConcept concept, String system) {
    if (concept == null) {
      return Optional.empty();
    }
    return concept.getCoding().stream()
        .filter(c -> system.equals(c.getSystem()) && hasCode(c))
        .map(c -> c.getCode().strip())
        .findFirst();
  }

  /** "5.2 mmol/L": a quantity as a lab reports it, comparator included. */
  static Optional<String> quantity(@Nullable Quantity quantity) {
    if (quantity == null || !quantity.hasValue()) {
      return Optional.empty();
    }
    String comparator = quantity.hasComparator() ? quantity.getComparator().toCode() : "";
    return Optional.of(comparator + quantity.getValue().toPlainString());
  }

  static Optional<String> unit(@Nullable Quantity quantity) {
    if (quantity == null) {
      return Optional.empty();
    }
    if (hasText(quantity.getUnit())) {
      return Optional.of(quantity.getUnit().strip());
    }
    return hasText(quantity.getCode()) ? Optional.of(quantity.getCode().strip()) : Optional.empty();
  }

  static boolean hasText(@Nullable String text) {
    return text != null && !text.isBlank();
  }

  /** dm+d arrives under more than one spelling; the canonical model has one. */
  private static String canonicalSystem(String system) {
    return switch (system) {
      case "http://snomed.info/sct/999000011000001104", "https://dmd.nhs.uk/" -> DMD;
      default -> system;
    };
  }

  private static boolean hasCode(Coding coding) {
    return coding.hasCode() && !coding.getCode().isBlank();
  }
}
