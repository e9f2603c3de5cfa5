package org.carelens.adapters.fhirr4.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.ResultItem.Flag;
import org.carelens.sdk.model.Sensitivity;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Range;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * UK Core Observation and DiagnosticReport to {@link ResultItem}s. A report contributes one item
 * per result Observation, labelled with the report's name; a report without results (an imaging
 * report, say) is one item whose value is the report's conclusion.
 */
final class ResultMapper {

  private static final String INTERPRETATION =
      "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

  private ResultMapper() {}

  static Optional<ResultItem> observation(
      Observation observation,
      Optional<String> report,
      Set<Sensitivity> inherited,
      ItemOrigin origin)
      throws BadResourceException {
    if (!observation.hasStatus()) {
      throw new BadResourceException(observation, "without a status");
    }
    if (observation.getStatus() == Observation.ObservationStatus.ENTEREDINERROR) {
      return Optional.empty();
    }
    ResultItem.Status status =
        switch (observation.getStatus()) {
          case FINAL -> ResultItem.Status.FINAL;
          case REGISTERED, PRELIMINARY -> ResultItem.Status.PRELIMINARY;
          case AMENDED, CORRECTED -> ResultItem.Status.AMENDED;
          case CANCELLED -> ResultItem.Status.CANCELLED;
          default -> ResultItem.Status.UNKNOWN;
        };
    Optional<String> value = value(observation.getValue());
    Optional<String> unit =
        observation.getValue() instanceof Quantity q ? R4Values.unit(q) : Optional.empty();
    if (value.isEmpty() && observation.hasComponent()) {
      value = components(observation);
    }
    Set<Sensitivity> labels = EnumSet.noneOf(Sensitivity.class);
    labels.addAll(inherited);
    labels.addAll(SensitivityLabels.of(observation));
    return Optional.of(
        new ResultItem(
            origin.provenance(observation),
            R4Values.requireConcept(
                observation.getCode(),
                observation,
                "code",
                CodedConcept.LOINC,
                CodedConcept.SNOMED_CT),
            value,
            unit,
            observation.getReferenceRange().stream().findFirst().flatMap(ResultMapper::range),
            flag(observation.getInterpretation()),
            status,
            R4Values.day(observation.getEffective())
                .or(() -> R4Values.day(observation.getIssuedElement())),
            report,
            labels));
  }

  /**
   * The report's items: one per result Observation in the answer. Results the report lists but the
   * answer does not hold are not dropped silently: each is counted in {@code unreadable}, and the
   * report itself becomes an item saying how many are missing, so nobody reads the rest as the
   * complete report. A result that is there but cannot be mapped is counted too, and costs only
   * itself.
   */
  static List<ResultItem> report(
      DiagnosticReport report, ResourceIndex index, ItemOrigin origin, UnreadableItems unreadable)
      throws BadResourceException {
    if (!report.hasStatus()) {
      throw new BadResourceException(report, "without a status");
    }
    if (report.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR) {
      return List.of();
    }
    CodedConcept name =
        R4Values.requireConcept(
            report.getCode(), report, "code", CodedConcept.LOINC, CodedConcept.SNOMED_CT);
    Set<Sensitivity> labels = SensitivityLabels.of(report);
    List<ResultItem> items = new ArrayList<>();
    int missing = 0;
    for (Reference result : report.getResult()) {
      Optional<Resource> target = index.resolve(result, report);
      if (target.isPresent() && target.get() instanceof Observation observation) {
        try {
          observation(observation, Optional.of(name.display()), labels, origin)
              .ifPresent(items::add);
        } catch (BadResourceException e) {
          unreadable.add(e);
        } catch (RuntimeException e) {
          unreadable.add(observation, e);
        }
      } else {
        missing++;
        unreadable.add(
            new BadResourceException(
                target.isPresent()
                    ? "DiagnosticReport result that is not an Observation"
                    : "DiagnosticReport result not in the answer",
                "%s lists result '%s', which is %s"
                    .formatted(
                        R4Values.describe(report),
                        result.getReference(),
                        target.isPresent() ? "not an Observation" : "not in the answer")));
      }
    }
    if (report.getResult().isEmpty() || missing > 0) {
      Optional<String> conclusion =
          R4Values.hasText(report.getConclusion())
              ? Optional.of(report.getConclusion().strip())
              : report.getConclusionCode().stream().findFirst().flatMap(R4Values::text);
      if (missing > 0) {
        String note =
            "%d of %d results not included in the source's answer"
                .formatted(missing, report.getResult().size());
        conclusion = Optional.of(conclusion.map(c -> c + " (" + note + ")").orElse(note));
      }
      items.add(
          new ResultItem(
              origin.provenance(report),
              name,
              conclusion,
              Optional.empty(),
              Optional.empty(),
              Flag.NOT_GIVEN,
              status(report.getStatus()),
              R4Values.day(report.getEffective()).or(() -> R4Values.day(report.getIssuedElement())),
              Optional.of(name.display()),
              labels));
    }
    return items;
  }

  private static ResultItem.Status status(DiagnosticReport.DiagnosticReportStatus status) {
    return switch (status) {
      case FINAL -> ResultItem.Status.FINAL;
      case REGISTERED, PARTIAL, PRELIMINARY -> ResultItem.Status.PRELIMINARY;
      case AMENDED, CORRECTED, APPENDED -> ResultItem.Status.AMENDED;
      case CANCELLED -> ResultItem.Status.CANCELLED;
      default -> ResultItem.Status.UNKNOWN;
    };
  }

  private static Optional<String> value(Type value) {
    return switch (value) {
      case Quantity q -> R4Values.quantity(q);
      case CodeableConcept c -> R4Values.text(c);
      case StringType s ->
          R4Values.hasText(s.getValue()) ? Optional.of(s.getValue()) : Optional.empty();
      case BooleanType b ->
          b.hasValue() ? Optional.of(b.getValue() ? "Yes" : "No") : Optional.empty();
      case IntegerType i -> i.hasValue() ? Optional.of(i.getValueAsString()) : Optional.empty();
      case Range r -> range(r.getLow(), r.getHigh());
      case null -> Optional.empty();
      default ->
          value.isPrimitive() ? Optional.ofNullable(value.primitiveValue()) : Optional.empty();
    };
  }

  /** "Systolic blood pressure 120 mmHg, Diastolic blood pressure 80 mmHg". */
  private static Optional<String> components(Observation observation) {
    List<String> parts = new ArrayList<>();
    for (Observation.ObservationComponentComponent component : observation.getComponent()) {
      Optional<String> value = value(component.getValue());
      if (value.isEmpty()) {
        continue;
      }
      String unit =
          component.getValue() instanceof Quantity q
              ? R4Values.unit(q).map(u -> " " + u).orElse("")
              : "";
      String name = R4Values.text(component.getCode()).map(n -> n + " ").orElse("");
      parts.add(name + value.get() + unit);
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  private static Optional<String> range(ObservationReferenceRangeComponent range) {
    if (R4Values.hasText(range.getText())) {
      return Optional.of(range.getText().strip());
    }
    return range(range.getLow(), range.getHigh());
  }

  private static Optional<String> range(Quantity low, Quantity high) {
    Optional<String> from = R4Values.quantity(low);
    Optional<String> to = R4Values.quantity(high);
    if (from.isPresent() && to.isPresent()) {
      return Optional.of(from.get() + "-" + to.get());
    }
    if (from.isPresent()) {
      return Optional.of(">=" + from.get());
    }
    return to.map(t -> "<=" + t);
  }

  /** The lab's own flag (HL7 v3 ObservationInterpretation); never derived from the range. */
  private static Flag flag(List<CodeableConcept> interpretations) {
    for (CodeableConcept interpretation : interpretations) {
      Optional<String> code = R4Values.code(interpretation, INTERPRETATION);
      if (code.isPresent()) {
        return switch (code.get()) {
          case "N" -> Flag.NORMAL;
          case "L", "LU" -> Flag.LOW;
          case "H", "HU" -> Flag.HIGH;
          case "LL" -> Flag.CRITICALLY_LOW;
          case "HH" -> Flag.CRITICALLY_HIGH;
          case "A", "AA" -> Flag.ABNORMAL;
          default -> Flag.NOT_GIVEN;
        };
      }
    }
    return Flag.NOT_GIVEN;
  }
}
