package org.carelens.gateway.merge;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SocialCareItem;

/**
 * How one section's items are recognised as the same across sources, what sources can disagree
 * about, and how they are ordered for a clinician.
 *
 * @param identity items with the same identity from different sources are the same fact; the coded
 *     concept alone for things a patient has once (an allergy, a problem), the concept with its
 *     date for things that recur (an attendance, a result, a vaccination)
 * @param disagreement for items with the same identity, a difference here keeps them apart as two
 *     items, both shown and flagged, never resolved (PRODUCT.md, merging rules)
 * @param disagreementField the record API field that {@code disagreement} reads, listed with each
 *     source's value in the flagged items' differences; empty where it is not one field
 * @param compared the other clinically meaningful fields: items of one identity and agreement are
 *     merged into one, and a difference on any of these is listed with each source's value and
 *     flagged
 * @param current active, ongoing or pending items come before the rest
 * @param date newest first within current and not-current; undated items last. Also the date that
 *     decides whose values a merged item shows: the most recent occurrence's
 */
record SectionRule<T extends ClinicalItem>(
    Class<T> type,
    Function<T, String> identity,
    Function<T, String> disagreement,
    Optional<Field<T>> disagreementField,
    List<Field<T>> compared,
    Predicate<T> current,
    Function<T, Optional<LocalDate>> date) {

  SectionRule {
    compared = List.copyOf(compared);
  }

  /** A rule whose only meaningful field is the one sources can disagree about. */
  SectionRule(
      Class<T> type,
      Function<T, String> identity,
      Field<T> disagreement,
      Predicate<T> current,
      Function<T, Optional<LocalDate>> date) {
    this(
        type,
        identity,
        t -> disagreement.value().apply(t).orElse(""),
        Optional.of(disagreement),
        List.of(),
        current,
        date);
  }

  /**
   * A field clinicians read, compared across sources.
   *
   * @param name the field's name in the record API's item view, e.g. {@code dosageText}
   * @param value the value as text as the API shows it: dates ISO 8601, times ISO 8601 instants in
   *     UTC (see {@link #time}), lists joined with ", "; empty when the source records none
   */
  record Field<T>(String name, Function<T, Optional<String>> value) {

    static <T> Field<T> of(String name, Function<T, Optional<?>> value) {
      return new Field<>(name, t -> value.apply(t).map(Object::toString));
    }

    /**
     * A time, compared as the instant it names: {@code 14:35+01:00} from one source and {@code
     * 13:35Z} from another are the same moment, not a disagreement. Each source's value is listed
     * in UTC, {@code 2024-03-12T13:35:00Z}; clients show it in their viewer's time zone.
     */
    static <T> Field<T> time(String name, Function<T, Optional<OffsetDateTime>> value) {
      return new Field<>(
          name, t -> value.apply(t).map(v -> DateTimeFormatter.ISO_INSTANT.format(v.toInstant())));
    }

    static <T> Field<T> status(Function<T, Enum<?>> status) {
      return new Field<>("status", t -> Optional.of(status.apply(t).name()));
    }
  }

  /** The rule for every section of the canonical model. */
  static final Map<Section, SectionRule<?>> ALL =
      Map.ofEntries(
          Map.entry(
              Section.ALERTS,
              new SectionRule<>(
                  AlertItem.class,
                  a -> concept(a),
                  Field.status(AlertItem::status),
                  a -> a.status() == AlertItem.Status.ACTIVE,
                  AlertItem::recordedDate)),
          Map.entry(
              Section.ALLERGIES,
              new SectionRule<>(
                  AllergyItem.class,
                  a -> concept(a),
                  a -> a.status().name(),
                  Optional.of(Field.status(AllergyItem::status)),
                  List.of(
                      Field.of("severity", AllergyItem::severity),
                      new Field<>(
                          "reactions",
                          a ->
                              a.reactions().isEmpty()
                                  ? Optional.empty()
                                  : Optional.of(String.join(", ", a.reactions())))),
                  a -> a.status() == AllergyItem.Status.ACTIVE,
                  a -> a.recordedDate().or(a::onsetDate))),
          Map.entry(
              Section.MEDICATIONS,
              new SectionRule<>(
                  MedicationItem.class,
                  m -> concept(m),
                  m -> m.status().name(),
                  Optional.of(Field.status(MedicationItem::status)),
                  // The canonical model has no separate form: it is part of the dm+d concept
                  // (e.g. "Amlodipine 5mg tablets"), so a different form is a different item.
                  List.of(
                      Field.of("dosageText", MedicationItem::dosageText),
                      Field.of("quantityText", MedicationItem::quantityText),
                      Field.of("startDate", MedicationItem::startDate),
                      Field.of("endDate", MedicationItem::endDate)),
                  m -> m.status() == MedicationItem.Status.ACTIVE,
                  m -> m.lastIssued().or(m::startDate))),
          Map.entry(
              Section.PROBLEMS,
              new SectionRule<>(
                  ProblemItem.class,
                  p -> concept(p),
                  Field.status(ProblemItem::status),
                  p -> p.status() == ProblemItem.Status.ACTIVE,
                  p -> p.onsetDate().or(p::recordedDate))),
          Map.entry(
              Section.ENCOUNTERS,
              new SectionRule<>(
                  EncounterItem.class,
                  // The day, not the time, is in the identity: one attendance two systems timed
                  // a few minutes apart is one item, and the two times are listed as a difference.
                  e -> concept(e) + "@" + e.start().map(LocalDate::toString).orElse(""),
                  e -> e.end().map(LocalDate::toString).orElse("ongoing"),
                  Optional.of(Field.of("end", EncounterItem::end)),
                  List.of(
                      Field.time("startTime", EncounterItem::startTime),
                      Field.time("endTime", EncounterItem::endTime)),
                  e -> e.end().isEmpty() && e.start().isPresent(),
                  EncounterItem::start)),
          Map.entry(
              Section.RESULTS,
              new SectionRule<>(
                  ResultItem.class,
                  r -> concept(r) + "@" + r.effectiveDate().map(LocalDate::toString).orElse(""),
                  r -> r.value().orElse("") + " " + r.unit().orElse(""),
                  // Value and unit together: a value alone could differ only by its unit.
                  Optional.empty(),
                  List.of(),
                  r -> r.status() != ResultItem.Status.CANCELLED,
                  ResultItem::effectiveDate)),
          Map.entry(
              Section.IMMUNISATIONS,
              new SectionRule<>(
                  ImmunisationItem.class,
                  i -> concept(i) + "@" + i.date().map(LocalDate::toString).orElse(""),
                  Field.status(ImmunisationItem::status),
                  i -> i.status() == ImmunisationItem.Status.COMPLETED,
                  ImmunisationItem::date)),
          Map.entry(
              Section.DOCUMENTS,
              new SectionRule<>(
                  DocumentItem.class,
                  d ->
                      concept(d)
                          + "@"
                          + d.date().map(LocalDate::toString).orElse("")
                          + "|"
                          + d.title(),
                  d -> "",
                  Optional.empty(),
                  List.of(Field.time("time", DocumentItem::time)),
                  d -> true,
                  DocumentItem::date)),
          Map.entry(
              Section.REFERRALS,
              new SectionRule<>(
                  ReferralItem.class,
                  r -> concept(r) + "@" + r.requestedDate().map(LocalDate::toString).orElse(""),
                  Field.status(ReferralItem::status),
                  r ->
                      r.status() == ReferralItem.Status.PENDING
                          || r.status() == ReferralItem.Status.ACTIVE,
                  r -> r.appointmentDate().or(r::requestedDate))),
          Map.entry(
              Section.CARE_TEAM,
              new SectionRule<>(
                  CareTeamItem.class,
                  c -> concept(c) + "|" + c.memberName().strip().toLowerCase(java.util.Locale.ROOT),
                  Field.status(CareTeamItem::status),
                  c -> c.status() == CareTeamItem.Status.ACTIVE,
                  CareTeamItem::startDate)),
          Map.entry(
              Section.SOCIAL_CARE,
              new SectionRule<>(
                  SocialCareItem.class,
                  s -> concept(s) + "@" + s.startDate().map(LocalDate::toString).orElse(""),
                  Field.status(SocialCareItem::status),
                  s -> s.status() != SocialCareItem.Status.ENDED,
                  SocialCareItem::startDate)));

  private static String concept(ClinicalItem item) {
    return item.concept().system() + "|" + item.concept().code();
  }
}
