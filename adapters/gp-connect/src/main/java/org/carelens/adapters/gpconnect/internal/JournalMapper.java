package org.carelens.adapters.gpconnect.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ResultItem;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.DiagnosticReport;
import org.hl7.fhir.dstu3.model.Encounter;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Immunization;
import org.hl7.fhir.dstu3.model.ListResource;
import org.hl7.fhir.dstu3.model.Observation;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Practitioner;
import org.hl7.fhir.dstu3.model.Quantity;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.ReferralRequest;
import org.hl7.fhir.dstu3.model.Resource;

/**
 * GP Connect 1.6 immunisations, consultations, referrals, investigations and uncategorised
 * observations as canonical items.
 */
final class JournalMapper {

  static final String VACCINATION_PROCEDURE_EXTENSION =
      "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-VaccinationProcedure-1";
  private static final String NULL_FLAVOR = "http://hl7.org/fhir/v3/NullFlavor";

  private JournalMapper() {}

  /**
   * The vaccination procedure is the clinical fact GP systems record; the product ({@code
   * vaccineCode}) is often {@code UNK}, so it is used only when there is no procedure.
   */
  static ImmunisationItem immunisation(Immunization immunization, ItemOrigin origin)
      throws BadResourceException {
    Optional<CodeableConcept> procedure =
        Stu3Values.extension(immunization, VACCINATION_PROCEDURE_EXTENSION)
            .map(e -> e.getValue())
            .filter(CodeableConcept.class::isInstance)
            .map(CodeableConcept.class::cast);
    CodeableConcept coded =
        procedure.orElseGet(
            () ->
                immunization.getVaccineCode().getCoding().stream()
                        .anyMatch(c -> !NULL_FLAVOR.equals(c.getSystem()))
                    ? immunization.getVaccineCode()
                    : new CodeableConcept());
    CodedConcept concept = Stu3Values.concept(coded, immunization, CodedConcept.SNOMED_CT);
    Optional<String> dose =
        immunization.getVaccinationProtocol().stream()
            .filter(p -> p.hasDoseSequence())
            .map(p -> String.valueOf(p.getDoseSequence()))
            .findFirst();
    return new ImmunisationItem(
        origin.provenance(immunization),
        concept,
        immunization.getNotGiven()
            ? ImmunisationItem.Status.NOT_DONE
            : ImmunisationItem.Status.COMPLETED,
        Stu3Values.day(immunization.getDateElement()),
        dose,
        Set.of());
  }

  /**
   * A coded record about immunisation listed with the immunisations (consent, dissent, an
   * invitation), kept apart from doses given by its status. Its date is when it took effect.
   */
  static ImmunisationItem immunisationStatus(Observation record, ItemOrigin origin)
      throws BadResourceException {
    if (!record.hasCode()) {
      throw new BadResourceException(record, "without a code");
    }
    Optional<LocalDate> date =
        record.hasEffectiveDateTimeType()
            ? Stu3Values.day(record.getEffectiveDateTimeType())
            : record.hasEffectivePeriod()
                ? Stu3Values.day(record.getEffectivePeriod().getStartElement())
                : Optional.empty();
    return new ImmunisationItem(
        origin.provenance(record),
        Stu3Values.concept(record.getCode(), record, CodedConcept.SNOMED_CT),
        ImmunisationItem.Status.STATUS_RECORD,
        date,
        Optional.empty(),
        Set.of());
  }

  /**
   * A consultation, dated by {@code Encounter.period}: with its time where the practice recorded
   * one (a timed appointment), else its day only.
   */
  static EncounterItem consultation(Encounter encounter, BundleIndex index, ItemOrigin origin)
      throws BadResourceException {
    CodedConcept concept =
        encounter.hasType()
            ? Stu3Values.concept(encounter.getTypeFirstRep(), encounter, CodedConcept.SNOMED_CT)
            : CodedConcept.snomed("11429006", "Consultation");
    Optional<String> reason =
        encounter.getReason().stream().map(Stu3Values::text).flatMap(Optional::stream).findFirst();
    // The consultation's own List (its topics) carries the clinician's summary as a note.
    Optional<String> note =
        index.all(ListResource.class).stream()
            .filter(l -> l.hasEncounter() && refersTo(l.getEncounter(), encounter))
            .flatMap(l -> l.getNote().stream())
            .map(n -> n.getText())
            .filter(t -> t != null && !t.isBlank())
            .findFirst();
    Optional<String> summary =
        reason.isPresent() && note.isPresent()
            ? Optional.of(reason.get() + ". " + note.get())
            : reason.or(() -> note);
    Optional<String> clinician =
        encounter.getParticipant().stream()
            .filter(p -> p.hasIndividual())
            .map(p -> index.resolve(p.getIndividual(), encounter))
            .flatMap(Optional::stream)
            .filter(Practitioner.class::isInstance)
            .map(r -> name(((Practitioner) r).getNameFirstRep()))
            .flatMap(Optional::stream)
            .findFirst();
    Optional<String> location =
        encounter.getLocation().stream()
            .map(l -> l.getLocation().getDisplay())
            .filter(d -> d != null && !d.isBlank())
            .findFirst();
    return new EncounterItem(
        origin.provenance(encounter),
        concept,
        EncounterItem.Kind.GP_CONSULTATION,
        Stu3Values.day(encounter.getPeriod().getStartElement()),
        Stu3Values.day(encounter.getPeriod().getEndElement()),
        Stu3Values.time(encounter.getPeriod().getStartElement()),
        Stu3Values.time(encounter.getPeriod().getEndElement()),
        location.or(origin::practiceName),
        clinician,
        summary,
        Optional.empty(),
        Set.of());
  }

  static ReferralItem referral(ReferralRequest referral, BundleIndex index, ItemOrigin origin)
      throws BadResourceException {
    CodeableConcept coded =
        referral.hasReasonCode()
            ? referral.getReasonCodeFirstRep()
            : referral.hasSpecialty() ? referral.getSpecialty() : referral.getType();
    CodedConcept concept = Stu3Values.concept(coded, referral, CodedConcept.SNOMED_CT);
    ReferralItem.Status status =
        switch (referral.hasStatus() ? referral.getStatus().toCode() : "") {
          case "draft" -> ReferralItem.Status.PENDING;
          case "active", "suspended" -> ReferralItem.Status.ACTIVE;
          case "completed" -> ReferralItem.Status.COMPLETED;
          case "cancelled", "entered-in-error" -> ReferralItem.Status.CANCELLED;
          default -> ReferralItem.Status.PENDING;
        };
    Optional<String> recipient =
        referral.getRecipient().stream()
            .map(r -> recipientName(r, referral, index))
            .flatMap(Optional::stream)
            .findFirst();
    return new ReferralItem(
        origin.provenance(referral),
        concept,
        status,
        Stu3Values.day(referral.getAuthoredOnElement()),
        recipient,
        referral.hasPriority() ? Optional.of(referral.getPriority().toCode()) : Optional.empty(),
        Optional.empty(),
        Set.of());
  }

  /**
   * The observations a report lists, each a result named after the report. Each result is read on
   * its own: one that is missing or cannot be mapped is counted in {@code unreadable}, and the
   * report's other results are still returned.
   */
  static List<ResultItem> investigation(
      DiagnosticReport report, BundleIndex index, ItemOrigin origin, UnreadableItems unreadable) {
    Optional<String> title = Stu3Values.text(report.getCode());
    java.util.ArrayList<ResultItem> results = new java.util.ArrayList<>();
    for (Reference reference : report.getResult()) {
      Observation observation;
      try {
        observation = index.require(reference, Observation.class, report);
      } catch (BadResourceException e) {
        unreadable.add(e);
        continue;
      }
      try {
        results.add(result(observation, title, origin));
      } catch (BadResourceException e) {
        unreadable.add(e);
      } catch (RuntimeException e) {
        unreadable.add(observation, e);
      }
    }
    return results;
  }

  static ResultItem result(Observation observation, Optional<String> report, ItemOrigin origin)
      throws BadResourceException {
    if (!observation.hasCode()) {
      throw new BadResourceException(observation, "without a code");
    }
    CodedConcept concept =
        Stu3Values.concept(
            observation.getCode(), observation, CodedConcept.LOINC, CodedConcept.SNOMED_CT);
    Optional<String> value = Optional.empty();
    Optional<String> unit = Optional.empty();
    if (observation.hasValueQuantity()) {
      Quantity quantity = observation.getValueQuantity();
      BigDecimal number = quantity.getValue();
      value = Optional.ofNullable(number).map(BigDecimal::toPlainString);
      unit = Optional.ofNullable(quantity.hasUnit() ? quantity.getUnit() : quantity.getCode());
    } else if (observation.hasValueStringType()) {
      value = Optional.of(observation.getValueStringType().getValue());
    } else if (observation.hasValueCodeableConcept()) {
      value = Stu3Values.text(observation.getValueCodeableConcept());
    }
    Optional<String> range =
        observation.getReferenceRange().stream()
            .map(
                r -> {
                  if (r.hasText()) {
                    return r.getText();
                  }
                  if (r.hasLow() && r.hasHigh()) {
                    return r.getLow().getValue().toPlainString()
                        + "-"
                        + r.getHigh().getValue().toPlainString();
                  }
                  return null;
                })
            .filter(t -> t != null && !t.isBlank())
            .findFirst();
    String flagCode =
        observation.getInterpretation().getCoding().stream()
            .map(Coding::getCode)
            .filter(c -> c != null)
            .findFirst()
            .orElse("");
    ResultItem.Flag flag =
        switch (flagCode) {
          case "N" -> ResultItem.Flag.NORMAL;
          case "L" -> ResultItem.Flag.LOW;
          case "H" -> ResultItem.Flag.HIGH;
          case "LL" -> ResultItem.Flag.CRITICALLY_LOW;
          case "HH" -> ResultItem.Flag.CRITICALLY_HIGH;
          case "A", "AA" -> ResultItem.Flag.ABNORMAL;
          default -> ResultItem.Flag.NOT_GIVEN;
        };
    ResultItem.Status status =
        switch (observation.hasStatus() ? observation.getStatus().toCode() : "") {
          case "final" -> ResultItem.Status.FINAL;
          case "preliminary", "registered" -> ResultItem.Status.PRELIMINARY;
          case "amended", "corrected" -> ResultItem.Status.AMENDED;
          case "cancelled", "entered-in-error" -> ResultItem.Status.CANCELLED;
          default -> ResultItem.Status.UNKNOWN;
        };
    return new ResultItem(
        origin.provenance(observation),
        concept,
        value,
        unit,
        range,
        flag,
        status,
        observation.hasEffectiveDateTimeType()
            ? Stu3Values.day(observation.getEffectiveDateTimeType())
            : Optional.empty(),
        report,
        SensitiveCodes.label(concept).map(Set::of).orElse(Set.of()));
  }

  private static boolean refersTo(Reference reference, Resource target) {
    String value = reference.getReference();
    return value != null
        && value.endsWith(target.fhirType() + "/" + target.getIdElement().getIdPart());
  }

  private static Optional<String> recipientName(
      Reference recipient, ReferralRequest referral, BundleIndex index) {
    if (recipient.hasDisplay() && !recipient.getDisplay().isBlank()) {
      return Optional.of(recipient.getDisplay().strip());
    }
    return index
        .resolve(recipient, referral)
        .flatMap(
            r ->
                r instanceof Organization org && org.hasName()
                    ? Optional.of(org.getName())
                    : r instanceof Practitioner p ? name(p.getNameFirstRep()) : Optional.empty());
  }

  private static Optional<String> name(HumanName name) {
    String text =
        (name.getPrefixAsSingleString()
                + " "
                + name.getGivenAsSingleString()
                + " "
                + name.getFamily())
            .replace("null", "")
            .replaceAll("\\s+", " ")
            .strip();
    return text.isBlank() ? Optional.empty() : Optional.of(text);
  }
}
