package org.carelens.adapters.gpconnect.internal;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.sdk.model.CodedConcept;
import org.hl7.fhir.dstu3.model.BaseDateTimeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DomainResource;
import org.hl7.fhir.dstu3.model.Element;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.PrimitiveType;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Type;
import org.jspecify.annotations.Nullable;

/** Small, null-safe readers of STU3 values. */
final class Stu3Values {

  private Stu3Values() {}

  /** "AllergyIntolerance/2": how a resource is named in messages (never its content). */
  static String describe(Resource resource) {
    String id = resource.getIdElement().getIdPart();
    return resource.fhirType() + "/" + (id == null ? "(no id)" : id);
  }

  /** "an AllergyIntolerance", "a Medication": a resource type with its article, for messages. */
  static String withArticle(String type) {
    return ("AEIOU".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
  }

  static String requireId(Resource resource) throws BadResourceException {
    String id = resource.getIdElement().getIdPart();
    if (id == null || id.isBlank()) {
      throw new BadResourceException(resource, "without an id");
    }
    return id;
  }

  /**
   * The calendar day of a date or dateTime, as written by the source (its own time zone). A date
   * recorded only to the year or month gives nothing: inventing a day would show false precision.
   */
  static Optional<LocalDate> day(@Nullable BaseDateTimeType value) {
    if (value == null || !value.hasValue() || value.getPrecision() == null) {
      return Optional.empty();
    }
    if (value.getPrecision().ordinal() < TemporalPrecisionEnum.DAY.ordinal()) {
      return Optional.empty();
    }
    String text = value.getValueAsString();
    try {
      return Optional.of(LocalDate.parse(text.substring(0, 10)));
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      return Optional.empty();
    }
  }

  /**
   * The moment of a dateTime, with the offset the source wrote, when the source recorded a time of
   * day ({@code getPrecision()} finer than a day). GP systems mostly record clinical dates to the
   * day; those give nothing, because Carelens never invents a time. A time without an offset breaks
   * STU3's rule for {@code dateTime} (a time zone SHALL be given with hours and minutes): its
   * moment is unknown, so it gives nothing too, and {@link #day(BaseDateTimeType)} keeps the day.
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

  static Optional<LocalDate> day(@Nullable Type value) {
    return value instanceof BaseDateTimeType dateTime ? day(dateTime) : Optional.empty();
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
  static CodedConcept concept(CodeableConcept concept, Resource owner, String... systems)
      throws BadResourceException {
    Coding chosen = null;
    for (String system : systems) {
      for (Coding coding : concept.getCoding()) {
        if (system.equals(coding.getSystem()) && coding.hasCode() && !coding.getCode().isBlank()) {
          chosen = coding;
          break;
        }
      }
      if (chosen != null) {
        break;
      }
    }
    if (chosen == null) {
      chosen =
          concept.getCoding().stream()
              .filter(c -> c.hasCode() && !c.getCode().isBlank())
              .findFirst()
              .orElseThrow(() -> new BadResourceException(owner, "without a coded concept"));
    }
    String display =
        chosen.hasDisplay() && !chosen.getDisplay().isBlank()
            ? chosen.getDisplay()
            : concept.hasText() && !concept.getText().isBlank()
                ? concept.getText()
                : chosen.getCode();
    String system = chosen.hasSystem() ? chosen.getSystem() : "";
    return new CodedConcept(system, chosen.getCode(), display);
  }

  /** What a reader sees for a concept: its text, else its first coding's display. */
  static Optional<String> text(CodeableConcept concept) {
    if (concept.hasText() && !concept.getText().isBlank()) {
      return Optional.of(concept.getText().strip());
    }
    return concept.getCoding().stream()
        .filter(c -> c.hasDisplay() && !c.getDisplay().isBlank())
        .map(c -> c.getDisplay().strip())
        .findFirst();
  }

  /**
   * The code carried by each extension with this URL (valueCode, valueCoding or the first coding of
   * valueCodeableConcept).
   */
  static List<String> extensionCodes(DomainResource resource, String url) {
    List<String> codes = new ArrayList<>();
    for (Extension extension : resource.getExtensionsByUrl(url)) {
      code(extension.getValue()).ifPresent(codes::add);
    }
    return codes;
  }

  static Optional<Extension> extension(Element element, String url) {
    return element.getExtensionsByUrl(url).stream().findFirst();
  }

  static Optional<Extension> extension(DomainResource resource, String url) {
    return resource.getExtensionsByUrl(url).stream().findFirst();
  }

  static Optional<String> code(@Nullable Type value) {
    if (value instanceof Coding coding && coding.hasCode()) {
      return Optional.of(coding.getCode());
    }
    if (value instanceof CodeableConcept concept) {
      return concept.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst();
    }
    if (value instanceof PrimitiveType<?> primitive && primitive.hasValue()) {
      return Optional.of(primitive.getValueAsString());
    }
    return Optional.empty();
  }
}
