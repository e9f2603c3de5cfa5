package org.carelens.gateway.merge;

import java.time.LocalDate;
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
 * @param disagreement for items with the same identity, a difference here is a conflict, shown and
 *     flagged, never resolved (PRODUCT.md, merging rules)
 * @param current active, ongoing or pending items come before the rest
 * @param date newest first within current and not-current; undated items last
 */
record SectionRule<T extends ClinicalItem>(
    Class<T> type,
    Function<T, String> identity,
    Function<T, String> disagreement,
    Predicate<T> current,
    Function<T, Optional<LocalDate>> date) {

  /** The rule for every section of the canonical model. */
  static final Map<Section, SectionRule<?>> ALL =
      Map.ofEntries(
          Map.entry(
              Section.ALERTS,
              new SectionRule<>(
                  AlertItem.class,
                  a -> concept(a),
                  a -> a.status().name(),
                  a -> a.status() == AlertItem.Status.ACTIVE,
                  AlertItem::recordedDate)),
          Map.entry(
              Section.ALLERGIES,
              new SectionRule<>(
                  AllergyItem.class,
                  a -> concept(a),
                  a -> a.status().name(),
                  a -> a.status() == AllergyItem.Status.ACTIVE,
                  a -> a.recordedDate().or(a::onsetDate))),
          Map.entry(
              Section.MEDICATIONS,
              new SectionRule<>(
                  MedicationItem.class,
                  m -> concept(m),
                  m -> m.status().name(),
                  m -> m.status() == MedicationItem.Status.ACTIVE,
                  m -> m.lastIssued().or(m::startDate))),
          Map.entry(
              Section.PROBLEMS,
              new SectionRule<>(
                  ProblemItem.class,
                  p -> concept(p),
                  p -> p.status().name(),
                  p -> p.status() == ProblemItem.Status.ACTIVE,
                  p -> p.onsetDate().or(p::recordedDate))),
          Map.entry(
              Section.ENCOUNTERS,
              new SectionRule<>(
                  EncounterItem.class,
                  e -> concept(e) + "@" + e.start().map(LocalDate::toString).orElse(""),
                  e -> e.end().map(LocalDate::toString).orElse("ongoing"),
                  e -> e.end().isEmpty() && e.start().isPresent(),
                  EncounterItem::start)),
          Map.entry(
              Section.RESULTS,
              new SectionRule<>(
                  ResultItem.class,
                  r -> concept(r) + "@" + r.effectiveDate().map(LocalDate::toString).orElse(""),
                  r -> r.value().orElse("") + " " + r.unit().orElse(""),
                  r -> r.status() != ResultItem.Status.CANCELLED,
                  ResultItem::effectiveDate)),
          Map.entry(
              Section.IMMUNISATIONS,
              new SectionRule<>(
                  ImmunisationItem.class,
                  i -> concept(i) + "@" + i.date().map(LocalDate::toString).orElse(""),
                  i -> i.status().name(),
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
                  d -> true,
                  DocumentItem::date)),
          Map.entry(
              Section.REFERRALS,
              new SectionRule<>(
                  ReferralItem.class,
                  r -> concept(r) + "@" + r.requestedDate().map(LocalDate::toString).orElse(""),
                  r -> r.status().name(),
                  r ->
                      r.status() == ReferralItem.Status.PENDING
                          || r.status() == ReferralItem.Status.ACTIVE,
                  r -> r.appointmentDate().or(r::requestedDate))),
          Map.entry(
              Section.CARE_TEAM,
              new SectionRule<>(
                  CareTeamItem.class,
                  c -> concept(c) + "|" + c.memberName().strip().toLowerCase(java.util.Locale.ROOT),
                  c -> c.status().name(),
                  c -> c.status() == CareTeamItem.Status.ACTIVE,
                  CareTeamItem::startDate)),
          Map.entry(
              Section.SOCIAL_CARE,
              new SectionRule<>(
                  SocialCareItem.class,
                  s -> concept(s) + "@" + s.startDate().map(LocalDate::toString).orElse(""),
                  s -> s.status().name(),
                  s -> s.status() != SocialCareItem.Status.ENDED,
                  SocialCareItem::startDate)));

  private static String concept(ClinicalItem item) {
    return item.concept().system() + "|" + item.concept().code();
  }
}
