package org.carelens.gateway.merge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.fanout.SourceStatus;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;

/**
 * Merges per-source results into one view. The same item from several sources appears once with
 * every source listed; disagreement is flagged, never resolved (PRODUCT.md, merging rules). Pure:
 * no I/O, no clock.
 *
 * <p><b>Differences are kept.</b> Where sources recording the same item differ on a clinically
 * meaningful field ({@link SectionRule}: for medications dose, quantity, status, start and end; for
 * allergies status, severity and reactions; for problems status; for encounters the end and the
 * start and end times; for documents the time), the merged item keeps every source's value with its
 * source in {@link Merged#differences()} and is flagged as a conflict. A source that records no
 * value differs from one that does only when it is the occurrence shown (its line would hide the
 * other value); a source that merely lacks a field the shown one has (a pharmacy without the
 * prescribed quantity) is not flagged, so "Sources disagree" keeps its meaning.
 *
 * <p><b>Whose values are shown.</b> The item shows the most recent occurrence's values, by the
 * section's date ({@link SectionRule#date()}: for medications the last issue, else the start; for
 * allergies the recorded date, else onset; for problems onset, else recorded), and lists that
 * source first. Dated occurrences come before undated ones. On a tie (the same date, or no dates)
 * the order the results were given decides, which is the order of source id: deterministic, and
 * never silent, because any difference between the tied occurrences is listed with its source.
 *
 * <p>Runs on what policy left of each source's answer, so a difference never names a value the
 * viewer may not see.
 */
public final class RecordMerger {

  /** The source id of the demographics spine, whose identity is the reference when it answers. */
  public static final String DEFAULT_DEMOGRAPHICS_SOURCE = "pds";

  private final String demographicsSourceId;

  public RecordMerger() {
    this(DEFAULT_DEMOGRAPHICS_SOURCE);
  }

  public RecordMerger(String demographicsSourceId) {
    this.demographicsSourceId =
        Objects.requireNonNull(demographicsSourceId, "demographicsSourceId");
  }

  public MergedRecord merge(List<SourceResult> results) {
    List<SourceRecord> loaded =
        results.stream()
            .filter(r -> r.status() == SourceStatus.OK)
            .flatMap(r -> r.record().stream())
            .toList();
    List<MergedRecord.DataWarning> warnings = new ArrayList<>();
    Optional<PatientIdentity> patient = identity(results, warnings);
    List<SectionGap> gaps = gaps(results);

    Map<Section, List<Merged<?>>> sections = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      sections.put(
          section, List.copyOf(mergeSection(loaded, section, SectionRule.ALL.get(section))));
    }

    List<Merged<?>> allergies = sections.get(Section.ALLERGIES);
    boolean nilKnownSomewhere =
        emptyReasons(loaded, Section.ALLERGIES).contains(EmptyReason.NIL_KNOWN);
    boolean anyActive =
        allergies.stream()
            .anyMatch(m -> ((AllergyItem) m.item()).status() == AllergyItem.Status.ACTIVE);
    if (anyActive && nilKnownSomewhere) {
      // A positive allergy and "no known allergies" are both shown: the allergy wins the banner,
      // and the disagreement is flagged on every active allergy and as a warning.
      sections.put(
          Section.ALLERGIES,
          allergies.stream()
              .<Merged<?>>map(
                  m ->
                      ((AllergyItem) m.item()).status() == AllergyItem.Status.ACTIVE
                          ? flagged(m)
                          : m)
              .toList());
      warnings.add(
          new MergedRecord.DataWarning(
              "ALLERGY_CONFLICT",
              "One source records no known allergies while another records allergies"));
    }
    List<Merged<?>> medications = sections.get(Section.MEDICATIONS);
    if (medications.stream().anyMatch(m -> m.difference("status").isPresent())) {
      warnings.add(
          new MergedRecord.DataWarning(
              "MEDICATION_CONFLICT",
              "Sources disagree about whether a medication is current; both are shown"));
    }
    long doses = medications.stream().filter(m -> m.difference("dosageText").isPresent()).count();
    if (doses > 0) {
      // A dose changed at discharge is what a pharmacist or an out-of-hours doctor must see.
      warnings.add(
          new MergedRecord.DataWarning(
              "MEDICATION_DIFFERENCE",
              "Sources give different doses for %d %s; each dose is shown with its source"
                  .formatted(doses, doses == 1 ? "medication" : "medications")));
    }

    // Principle 3: a section a source could not read completely is named, never dropped.
    for (SectionGap gap : gaps) {
      warnings.add(new MergedRecord.DataWarning("SECTION_INCOMPLETE", gap.message()));
    }

    List<String> excluded =
        loaded.stream()
            .flatMap(r -> r.sections().values().stream())
            .filter(SectionContent::excludedAtSource)
            .map(c -> c.section().key())
            .distinct()
            .toList();
    return new MergedRecord(
        patient,
        sections,
        allergyState(results, loaded, anyActive, nilKnownSomewhere, gaps),
        excluded,
        List.copyOf(warnings),
        gaps);
  }

  /** Every section an answering source could not read completely, in source then section order. */
  public static List<SectionGap> gaps(List<SourceResult> results) {
    List<SectionGap> gaps = new ArrayList<>();
    for (SourceResult result : results) {
      if (result.status() != SourceStatus.OK || result.record().isEmpty()) {
        continue;
      }
      for (SectionContent<?> content : result.record().get().sections().values()) {
        if (!content.completeness().isComplete()) {
          gaps.add(
              new SectionGap(
                  result.source().id(),
                  result.source().name(),
                  content.section(),
                  content.completeness()));
        }
      }
    }
    return gaps;
  }

  private static <T extends ClinicalItem> Merged<T> flagged(Merged<T> m) {
    return new Merged<>(m.item(), m.occurrences(), true, m.differences());
  }

  private static <T extends ClinicalItem> List<Merged<T>> mergeSection(
      List<SourceRecord> loaded, Section section, SectionRule<T> rule) {
    List<T> items = items(loaded, section, rule.type());
    return sorted(mergeItems(items, rule), rule.current(), rule.date());
  }

  private static AllergyState allergyState(
      List<SourceResult> results,
      List<SourceRecord> loaded,
      boolean anyActive,
      boolean nilKnown,
      List<SectionGap> gaps) {
    if (anyActive) {
      // Still KNOWN with a gap: the view's allergies section lists the gap, and the banner says
      // the list may be incomplete.
      return AllergyState.KNOWN;
    }
    if (gaps.stream().anyMatch(g -> g.section() == Section.ALLERGIES)) {
      // Clinical safety: an allergy a source could not read may be the one that matters; never
      // "no known allergies" or "not recorded" over it.
      return AllergyState.UNAVAILABLE;
    }
    boolean allAnswered =
        results.stream()
            .allMatch(r -> r.status() == SourceStatus.OK || r.status() == SourceStatus.NO_RECORD);
    boolean anyAllergySection =
        loaded.stream().anyMatch(r -> r.section(Section.ALLERGIES).isPresent());
    // Clinical safety: "no known allergies" is only said when every source in scope answered;
    // a silent source could hold the allergy that matters.
    if (!allAnswered || !anyAllergySection) {
      return AllergyState.UNAVAILABLE;
    }
    return nilKnown ? AllergyState.NO_KNOWN_ALLERGIES : AllergyState.NOT_RECORDED;
  }

  /**
   * The patient's identity: the demographics spine's when it answered (it is the reference for NHS
   * numbers, names and the S-flag), else the first source's. Every other source's identity is
   * compared with it field by field; each difference is one data-quality warning naming the
   * sources, never resolved silently.
   */
  private Optional<PatientIdentity> identity(
      List<SourceResult> results, List<MergedRecord.DataWarning> warnings) {
    Map<String, PatientIdentity> identities = new LinkedHashMap<>();
    for (SourceResult result : results) {
      if (result.status() == SourceStatus.OK) {
        result
            .record()
            .flatMap(SourceRecord::patient)
            .ifPresent(p -> identities.putIfAbsent(result.source().id(), p));
      }
    }
    if (identities.isEmpty()) {
      return Optional.empty();
    }
    String referenceSource =
        identities.containsKey(demographicsSourceId)
            ? demographicsSourceId
            : identities.keySet().iterator().next();
    PatientIdentity reference = identities.get(referenceSource);
    boolean restricted = identities.values().stream().anyMatch(PatientIdentity::restricted);
    compare("name", false, PatientIdentity::name, referenceSource, identities, warnings);
    compare(
        "date of birth", false, PatientIdentity::birthDate, referenceSource, identities, warnings);
    compare("gender", false, PatientIdentity::gender, referenceSource, identities, warnings);
    compare(
        "date of death",
        false,
        PatientIdentity::deceasedDate,
        referenceSource,
        identities,
        warnings);
    if (!restricted) {
      // Not for a restricted patient: even "the address differs" says something about it.
      compare(
          "address",
          true,
          p -> p.address().map(RecordMerger::normalised),
          referenceSource,
          identities,
          warnings);
    }
    return Optional.of(restricted ? withRestriction(reference) : reference);
  }

  /**
   * Warns when sources differ from the reference on one field. With {@code absentIsSilent}, a
   * source that records no value does not disagree (an address some systems do not hold); without
   * it absence counts (a date of death one source lacks is exactly what must be flagged).
   */
  private static void compare(
      String field,
      boolean absentIsSilent,
      Function<PatientIdentity, Object> value,
      String referenceSource,
      Map<String, PatientIdentity> identities,
      List<MergedRecord.DataWarning> warnings) {
    Object expected = value.apply(identities.get(referenceSource));
    if (absentIsSilent && Optional.empty().equals(expected)) {
      return;
    }
    List<String> differing =
        identities.entrySet().stream()
            .filter(e -> !(absentIsSilent && Optional.empty().equals(value.apply(e.getValue()))))
            .filter(e -> !Objects.equals(value.apply(e.getValue()), expected))
            .map(Map.Entry::getKey)
            .toList();
    if (!differing.isEmpty()) {
      warnings.add(
          new MergedRecord.DataWarning(
              "DEMOGRAPHIC_MISMATCH",
              "Sources disagree about the patient's %s: %s %s from %s"
                  .formatted(
                      field,
                      String.join(", ", differing),
                      differing.size() == 1 ? "differs" : "differ",
                      referenceSource)));
    }
  }

  /** Addresses compared without case, punctuation or spacing differences between systems. */
  private static String normalised(String address) {
    return address.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }

  /**
   * PRODUCT.md rule 8: for a restricted patient, address, telephone, practice and contacts are
   * hidden.
   */
  private static PatientIdentity withRestriction(PatientIdentity p) {
    return new PatientIdentity(
        p.nhsNumber(),
        p.name(),
        p.birthDate(),
        p.gender(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        p.deceasedDate(),
        true,
        List.of());
  }

  private static <T extends ClinicalItem> List<T> items(
      List<SourceRecord> records, Section section, Class<T> type) {
    return records.stream()
        .flatMap(r -> r.section(section).stream())
        .flatMap(c -> c.items().stream())
        .map(type::cast)
        .toList();
  }

  private static List<EmptyReason> emptyReasons(List<SourceRecord> records, Section section) {
    return records.stream()
        .flatMap(r -> r.section(section).stream())
        .flatMap(c -> c.emptyReason().stream())
        .toList();
  }

  /**
   * Groups items by identity and agreement, then describes each group.
   *
   * <p>An item joins an existing group with the same identity and the same value of the section's
   * disagreement (e.g. status) from a different source. The same identity with a different
   * disagreement value at another source stays a separate item, and both are flagged, each listing
   * every source's value of that field.
   *
   * <p>Within a group, every other meaningful field ({@link SectionRule#compared()}) is compared
   * across the occurrences: where they differ, the item keeps every source's value, and is flagged.
   * The occurrences are ordered most recent first (see the class comment), the shown one first.
   */
  private static <T extends ClinicalItem> List<Merged<T>> mergeItems(
      List<T> items, SectionRule<T> rule) {
    Function<T, String> concept = rule.identity();
    Function<T, String> status = rule.disagreement();
    // Groups in order of first appearance, and the same groups indexed by concept (each list in
    // that same order), so finding an item's group looks only at groups of its own concept: the
    // result is what a scan of every group gives, without its quadratic cost on long sections
    // (issue 14's profile).
    List<List<T>> groups = new ArrayList<>();
    Map<String, List<List<T>>> byConcept = new HashMap<>();
    Map<List<T>, String> groupStatus = new IdentityHashMap<>();
    for (T item : items) {
      String itemConcept = concept.apply(item);
      String itemStatus = status.apply(item);
      List<List<T>> sameConcept = byConcept.computeIfAbsent(itemConcept, c -> new ArrayList<>());
      List<T> match = null;
      for (List<T> g : sameConcept) {
        if (groupStatus.get(g).equals(itemStatus)
            && g.stream().noneMatch(o -> sameSource(o, item))) {
          match = g;
          break;
        }
      }
      if (match == null) {
        List<T> group = new ArrayList<>(List.of(item));
        groups.add(group);
        sameConcept.add(group);
        groupStatus.put(group, itemStatus);
      } else {
        match.add(item);
      }
    }
    Comparator<T> shownFirst = shownFirst(items, rule.date());
    List<Merged<T>> merged = new ArrayList<>();
    for (List<T> group : groups) {
      T first = group.get(0);
      String firstStatus = groupStatus.get(group);
      List<T> disagreeing =
          byConcept.get(concept.apply(first)).stream()
              .filter(other -> other != group)
              .filter(other -> !groupStatus.get(other).equals(firstStatus))
              .flatMap(List::stream)
              .filter(o -> group.stream().noneMatch(g -> sameSource(g, o)))
              .sorted(shownFirst)
              .toList();
      List<T> occurrences = group.stream().sorted(shownFirst).toList();
      List<Merged.Difference> differences = new ArrayList<>();
      if (!disagreeing.isEmpty()) {
        rule.disagreementField()
            .ifPresent(
                field ->
                    differences.add(
                        new Merged.Difference(
                            field.name(),
                            values(
                                Stream.concat(occurrences.stream(), disagreeing.stream()).toList(),
                                field))));
      }
      for (SectionRule.Field<T> field : rule.compared()) {
        if (differs(occurrences, field)) {
          differences.add(new Merged.Difference(field.name(), values(occurrences, field)));
        }
      }
      boolean conflict = !disagreeing.isEmpty() || !differences.isEmpty();
      merged.add(new Merged<>(occurrences.get(0), occurrences, conflict, differences));
    }
    return merged;
  }

  /**
   * Whether the sources of one item differ on a field: two sources give different values, or the
   * shown occurrence (the first) records none while another source does, so the item's own line
   * would hide it. A source that simply does not record the field (a pharmacy without the
   * prescribed quantity) is not a disagreement with one that does, when the one that does is shown:
   * flagging every such item would teach clinicians to ignore "Sources disagree".
   */
  private static <T extends ClinicalItem> boolean differs(
      List<T> occurrences, SectionRule.Field<T> field) {
    List<Optional<String>> values = occurrences.stream().map(field.value()).toList();
    long recorded = values.stream().flatMap(Optional::stream).distinct().count();
    return recorded > 1 || (recorded == 1 && values.get(0).isEmpty());
  }

  /** Each occurrence's value of one field, once per source and value. */
  private static <T extends ClinicalItem> List<Merged.SourceValue> values(
      List<T> occurrences, SectionRule.Field<T> field) {
    return occurrences.stream()
        .map(o -> new Merged.SourceValue(o.provenance().sourceId(), field.value().apply(o)))
        .distinct()
        .toList();
  }

  /**
   * The most recent occurrence first, by the section's date; undated last; ties in the order the
   * items were given (source order, then each source's own order).
   */
  private static <T extends ClinicalItem> Comparator<T> shownFirst(
      List<T> inSourceOrder, Function<T, Optional<LocalDate>> date) {
    Map<T, Integer> position = new IdentityHashMap<>();
    for (T item : inSourceOrder) {
      position.putIfAbsent(item, position.size());
    }
    Comparator<T> byDate =
        Comparator.comparing(
            (T t) -> date.apply(t).orElse(LocalDate.MIN), Comparator.reverseOrder());
    return byDate.thenComparing(position::get);
  }

  private static boolean sameSource(ClinicalItem a, ClinicalItem b) {
    return a.provenance().sourceId().equals(b.provenance().sourceId());
  }

  /** Clinical order: current before not current, then newest first, undated last. */
  private static <T extends ClinicalItem> List<Merged<T>> sorted(
      List<Merged<T>> items,
      java.util.function.Predicate<T> current,
      Function<T, Optional<LocalDate>> date) {
    Comparator<Merged<T>> byCurrent = Comparator.comparing(m -> !current.test(m.item()));
    Comparator<Merged<T>> byDate =
        Comparator.comparing(
            (Merged<T> m) -> date.apply(m.item()).orElse(LocalDate.MIN), Comparator.reverseOrder());
    return items.stream().sorted(byCurrent.thenComparing(byDate)).toList();
  }
}
