package org.carelens.gateway.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.fanout.SourceStatus;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Viewer;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceDescriptor;

/**
 * The policy applied to one view, from both sides (PRODUCT.md principle 2), in the order of the
 * request flow: which sources are asked at all and for which sections ({@link #plan}), then every
 * item of every answer, fresh or from cache ({@link #filter}). Sections where anything was withheld
 * are recorded in the {@link PolicyTrace} for the generic notice and the audit.
 *
 * <p>Fail closed: only what {@link AccessPolicy} positively permits survives {@link #filter}; a
 * section a source returns without being asked for it is dropped.
 */
final class ViewPolicy {

  private final AccessPolicy policy;
  private final Viewer viewer;
  private final PatientConsent consent;
  private final Instant now;
  private final Set<Section> inScope;
  private final Map<String, Set<Section>> plan = new LinkedHashMap<>();
  private final PolicyTrace trace = new PolicyTrace();

  ViewPolicy(
      AccessPolicy policy,
      Viewer viewer,
      PatientConsent consent,
      Instant now,
      Set<Section> requested) {
    this.policy = policy;
    this.viewer = viewer;
    this.consent = consent;
    this.now = now;
    Set<Section> scope = EnumSet.noneOf(Section.class);
    scope.addAll(requested);
    scope.retainAll(policy.agreement().roles().permittedSections(viewer.role()));
    this.inScope = scope;
    for (Section section : requested) {
      if (policy.agreement().roles().decide(viewer.role(), section)
          instanceof Decision.Withhold w) {
        trace.section(section, PolicyTrace.ROLE, w);
      }
    }
  }

  Viewer viewer() {
    return viewer;
  }

  PatientConsent consent() {
    return consent;
  }

  /** The sections the viewer's role may see, of those requested. */
  Set<Section> inScope() {
    return inScope;
  }

  PolicyTrace trace() {
    return trace;
  }

  /**
   * Decides each source. A permitted source is planned with the sections it shares with this
   * viewer; a withheld one is answered here, as {@code WITHHELD} with the reason code, and never
   * contacted.
   *
   * @return the withheld sources' results; {@link #plan()} holds the rest
   */
  List<SourceResult> decideSources(List<SourceDescriptor> sources) {
    List<SourceResult> withheld = new ArrayList<>();
    for (SourceDescriptor source : sources) {
      Decision decision = policy.decideSource(viewer, consent, source.id(), now);
      trace.source(source.id(), decision);
      if (decision instanceof Decision.Withhold w) {
        withheld.add(
            new SourceResult(
                source,
                SourceStatus.WITHHELD,
                Optional.empty(),
                Optional.of(w.reason()),
                Optional.of(w.reasonCode()),
                Duration.ZERO,
                false,
                Optional.empty()));
        markSourceSections(source, w);
        continue;
      }
      Set<Section> shared = EnumSet.noneOf(Section.class);
      shared.addAll(policy.sectionsFor(viewer, source.id()));
      shared.retainAll(inScope);
      plan.put(source.id(), shared);
      for (Section section : source.sections()) {
        if (inScope.contains(section) && !shared.contains(section)) {
          Decision sectionDecision = policy.decideSection(viewer, source.id(), section);
          if (sectionDecision instanceof Decision.Withhold sw) {
            trace.section(section, source.id(), sw);
          }
        }
      }
    }
    return withheld;
  }

  /** Source id to the sections it is asked for; sources absent here are not asked. */
  Map<String, Set<Section>> plan() {
    return plan;
  }

  /**
   * One source's answer after policy: only planned sections, only permitted items. A source that
   * refused at its end (e.g. GP Connect's {@code NO_PATIENT_CONSENT}) marks its sections withheld.
   */
  SourceResult filter(SourceResult result) {
    String sourceId = result.source().id();
    if (result.status() == SourceStatus.WITHHELD && plan.containsKey(sourceId)) {
      markSourceSections(
          result.source(),
          new Decision.Withhold(
              result.reasonCode().orElse("WITHHELD_BY_SOURCE"),
              "The source withheld the record",
              "source-refusal"));
    }
    if (result.record().isEmpty()) {
      return result;
    }
    Set<Section> asked = plan.getOrDefault(sourceId, Set.of());
    SourceRecord record = result.record().get();
    Map<Section, SectionContent<?>> kept = new EnumMap<>(Section.class);
    for (Map.Entry<Section, SectionContent<?>> entry : record.sections().entrySet()) {
      if (asked.contains(entry.getKey())) {
        kept.put(entry.getKey(), permitted(sourceId, entry.getValue()));
      }
    }
    return new SourceResult(
        result.source(),
        result.status(),
        Optional.of(new SourceRecord(record.patient(), kept)),
        result.detail(),
        result.reasonCode(),
        result.elapsed(),
        result.cached(),
        result.retrievedAt());
  }

  private <T extends ClinicalItem> SectionContent<T> permitted(
      String sourceId, SectionContent<T> content) {
    List<T> items = new ArrayList<>();
    for (T item : content.items()) {
      // The item's own provenance is what the policy judges, but an item claiming another source
      // than the one that returned it is judged as that source's too: both must permit it.
      Decision decision = policy.decideItem(viewer, item);
      Decision asReturned = policy.decideItem(viewer, sourceId, item.section(), item.sensitivity());
      if (decision.permitted() && asReturned.permitted()) {
        items.add(item);
      } else {
        trace.section(
            content.section(),
            sourceId,
            (Decision.Withhold) (decision.permitted() ? asReturned : decision));
      }
    }
    // Completeness travels with the section: what the source could not read stays flagged
    // whatever policy removed.
    return new SectionContent<>(
        content.section(),
        items,
        content.emptyReason(),
        content.excludedAtSource(),
        content.completeness());
  }

  private void markSourceSections(SourceDescriptor source, Decision.Withhold why) {
    for (Section section : source.sections()) {
      if (inScope.contains(section)) {
        trace.section(section, source.id(), why);
      }
    }
  }
}
