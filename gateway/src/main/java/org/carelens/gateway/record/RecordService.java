package org.carelens.gateway.record;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.merge.AllergyState;
import org.carelens.gateway.merge.Merged;
import org.carelens.gateway.merge.MergedRecord;
import org.carelens.gateway.merge.RecordMerger;
import org.carelens.policy.Decision;
import org.carelens.policy.RoleSectionMatrix;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceDescriptor;

/**
 * Builds one record view: policy scopes the sections, the fan-out asks every source, the merger
 * combines, and policy decides what leaves the gateway.
 */
@Singleton
public class RecordService {

  /** The sections the record API serves today. */
  static final Set<Section> SERVED = EnumSet.of(Section.ALLERGIES, Section.MEDICATIONS);

  private final FanoutEngine fanout;
  private final RoleSectionMatrix matrix = RoleSectionMatrix.defaults();
  private final RecordMerger merger = new RecordMerger();
  private final Clock clock;

  public RecordService(FanoutEngine fanout, Clock clock) {
    this.fanout = fanout;
    this.clock = clock;
  }

  public RecordView view(LaunchContext viewer, NhsNumber nhsNumber, Set<Section> requested) {
    Set<Section> inScope = EnumSet.noneOf(Section.class);
    for (Section section : requested) {
      if (matrix.decide(viewer.role(), section).permitted()) {
        inScope.add(section);
      }
    }
    RequestContext context =
        new RequestContext(
            UUID.randomUUID().toString(),
            viewer.userId(),
            viewer.userName(),
            viewer.role().code(),
            viewer.organisationOds(),
            viewer.organisationName());
    List<SourceResult> results = fanout.fetchAll(nhsNumber, inScope, context);
    MergedRecord merged = merger.merge(results);
    Map<String, String> names =
        fanout.sources().stream()
            .collect(Collectors.toMap(SourceDescriptor::id, SourceDescriptor::name));

    return new RecordView(
        patient(nhsNumber, merged),
        results.stream().map(RecordService::source).toList(),
        new RecordView.Sections(
            allergies(inScope.contains(Section.ALLERGIES), merged, names),
            medications(inScope.contains(Section.MEDICATIONS), merged, names)),
        merged.warnings().stream()
            .map(w -> new RecordView.WarningView(w.code(), w.message()))
            .toList(),
        new RecordView.ViewerView(
            viewer.userId(), viewer.userName(), viewer.role().code(), viewer.organisationOds()),
        clock.instant());
  }

  private static RecordView.AllergySection allergies(
      boolean permitted, MergedRecord merged, Map<String, String> names) {
    if (!permitted) {
      return new RecordView.AllergySection(
          true, Decision.WITHHELD_NOTICE, AllergyState.UNAVAILABLE.name(), List.of());
    }
    return new RecordView.AllergySection(
        merged.excludedAtSource().contains(Section.ALLERGIES.key()),
        notice(merged, Section.ALLERGIES),
        merged.allergyState().name(),
        merged.allergies().stream().map(m -> allergy(m, names)).toList());
  }

  private static RecordView.MedicationSection medications(
      boolean permitted, MergedRecord merged, Map<String, String> names) {
    if (!permitted) {
      return new RecordView.MedicationSection(true, Decision.WITHHELD_NOTICE, List.of());
    }
    return new RecordView.MedicationSection(
        merged.excludedAtSource().contains(Section.MEDICATIONS.key()),
        notice(merged, Section.MEDICATIONS),
        merged.medications().stream().map(m -> medication(m, names)).toList());
  }

  /**
   * A source left out confidential items: say so with the generic wording, never what or how many.
   */
  private static String notice(MergedRecord merged, Section section) {
    return merged.excludedAtSource().contains(section.key()) ? Decision.WITHHELD_NOTICE : null;
  }

  private static RecordView.AllergyView allergy(
      Merged<AllergyItem> merged, Map<String, String> names) {
    AllergyItem a = merged.item();
    return new RecordView.AllergyView(
        itemId(merged),
        concept(a.concept()),
        a.status().name(),
        a.onsetDate().orElse(null),
        a.recordedDate().orElse(null),
        a.reactions(),
        a.severity().orElse(null),
        sources(merged, names),
        merged.conflict());
  }

  private static RecordView.MedicationView medication(
      Merged<MedicationItem> merged, Map<String, String> names) {
    MedicationItem m = merged.item();
    return new RecordView.MedicationView(
        itemId(merged),
        concept(m.concept()),
        m.status().name(),
        m.prescriptionType().name(),
        m.dosageText().orElse(null),
        m.quantityText().orElse(null),
        m.startDate().orElse(null),
        m.endDate().orElse(null),
        m.lastIssued().orElse(null),
        m.discontinuationReason().orElse(null),
        sources(merged, names),
        merged.conflict());
  }

  private static String itemId(Merged<? extends ClinicalItem> merged) {
    return merged.item().provenance().sourceId() + ":" + merged.item().provenance().sourceItemId();
  }

  private static RecordView.ConceptView concept(CodedConcept c) {
    return new RecordView.ConceptView(c.system(), c.code(), c.display());
  }

  private static List<RecordView.ItemSource> sources(
      Merged<? extends ClinicalItem> merged, Map<String, String> names) {
    return merged.occurrences().stream()
        .map(ClinicalItem::provenance)
        .map(
            p ->
                new RecordView.ItemSource(
                    p.sourceId(), names.getOrDefault(p.sourceId(), p.sourceId()), p.sourceItemId()))
        .toList();
  }

  private static RecordView.SourceView source(SourceResult r) {
    return new RecordView.SourceView(
        r.source().id(),
        r.source().name(),
        r.status().name(),
        r.elapsed().toMillis(),
        r.cached(),
        r.retrievedAt().orElse(null),
        r.reasonCode().orElse(null),
        r.detail().orElse(null));
  }

  private static RecordView.PatientView patient(NhsNumber nhsNumber, MergedRecord merged) {
    return merged
        .patient()
        .map(RecordService::patient)
        .orElseGet(
            () ->
                new RecordView.PatientView(
                    nhsNumber.value(), null, null, null, null, null, null, null, false));
  }

  private static RecordView.PatientView patient(PatientIdentity p) {
    return new RecordView.PatientView(
        p.nhsNumber().value(),
        new RecordView.NameView(p.name().family(), p.name().given(), p.name().title().orElse(null)),
        p.birthDate(),
        p.gender().name().toLowerCase(java.util.Locale.ROOT),
        p.deceasedDate().orElse(null),
        p.address().orElse(null),
        p.telephone().orElse(null),
        p.registeredPracticeOds().orElse(null),
        p.restricted());
  }

  static Set<Section> parseSections(String sections) {
    Map<String, Section> byKey =
        SERVED.stream().collect(Collectors.toMap(Section::key, Function.identity()));
    Set<Section> result = EnumSet.noneOf(Section.class);
    for (String key : sections.split(",")) {
      Section section = byKey.get(key.strip());
      if (section == null) {
        throw org.carelens.gateway.problem.ProblemException.badRequest(
            "INVALID_SECTIONS",
            "Unknown section '%s'; this gateway serves %s"
                .formatted(key.strip(), byKey.keySet().stream().sorted().toList()));
      }
      result.add(section);
    }
    return result;
  }
}
