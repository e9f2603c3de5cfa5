package org.carelens.gateway.record;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.policy.Decision;
import org.carelens.policy.Obligation;
import org.carelens.policy.RoleSectionMatrix;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.jspecify.annotations.Nullable;

/**
 * The {@code RECORD_VIEW} audit event for a view about to leave the gateway: which sources were
 * asked and how each answered, which sections were returned with how many items, and which were
 * withheld and why. Never clinical content: no items, names, codes or free text.
 *
 * <p>Sections are read from {@link RecordView.Sections} generically, so a section added to the view
 * is audited without changing this class.
 */
final class RecordViewAudit {

  private static final RoleSectionMatrix MATRIX = RoleSectionMatrix.defaults();

  private RecordViewAudit() {}

  static AuditEvent of(LaunchContext viewer, NhsNumber patient, RecordView view) {
    return of(viewer, patient, view, null, java.util.Optional.empty());
  }

  /**
   * As {@link #of(LaunchContext, NhsNumber, RecordView)}, with the policy's own reasons: each
   * source's decision (rule, reason code, obligations) and, per withheld section, which source's
   * rule withheld something there; and the patient's registered practice, when a source gave it.
   */
  static AuditEvent of(
      LaunchContext viewer,
      NhsNumber patient,
      RecordView view,
      @Nullable PolicyTrace trace,
      java.util.Optional<String> registeredPractice) {
    List<Map<String, @Nullable Object>> sources = new ArrayList<>();
    for (RecordView.SourceView s : view.sources()) {
      Map<String, @Nullable Object> source = new LinkedHashMap<>();
      source.put("id", s.id());
      source.put("status", s.status());
      source.put("cached", s.cached());
      source.put("reason", s.reason());
      if (trace != null && trace.details().containsKey(s.id())) {
        // Operators need the address that failed; the viewer's copy has it removed.
        source.put("detail", trace.details().get(s.id()));
      }
      if (!s.incompleteSections().isEmpty()) {
        source.put(
            "incompleteSections",
            s.incompleteSections().stream().map(g -> g.section() + ":" + g.state()).toList());
      }
      sources.add(source);
    }
    List<String> returned = new ArrayList<>();
    Map<String, @Nullable Object> withheld = new LinkedHashMap<>();
    Map<String, @Nullable Object> itemCounts = new LinkedHashMap<>();
    for (RecordComponent component : RecordView.Sections.class.getRecordComponents()) {
      String key = component.getName();
      Object section = value(component, view.sections());
      boolean isWithheld = Boolean.TRUE.equals(member(section, "withheld"));
      int items = member(section, "items") instanceof List<?> list ? list.size() : 0;
      if (isWithheld) {
        withheld.put(key, whyWithheld(viewer, key, trace));
      }
      if (items > 0 || !isWithheld) {
        returned.add(key);
        itemCounts.put(key, items);
      }
    }
    AuditEvent.Builder event =
        AuditEvent.builder(AuditEventType.RECORD_VIEW, AuditOutcome.SUCCESS)
            .launch(viewer)
            .patient(patient);
    // Puts the patient in their practice's IG officers' audit scope (issue 10).
    registeredPractice.ifPresent(event::registeredPractice);
    if (trace != null) {
      event.detail("policy", decisions(trace));
    }
    event.detail("obligations", view.obligations());
    if (view.breakGlass().active()) {
      // PRODUCT.md rule 7: a view under break-glass is audited as such, for the privacy officer.
      event.reason("BREAK_GLASS_ACTIVE");
      event.detail(
          "breakGlassUntil",
          view.breakGlass().until() == null ? null : view.breakGlass().until().toString());
    } else if (view.obligations().contains(Obligation.FLAG_FOR_IG_REVIEW.name())) {
      // PRODUCT.md rule 1: a view on a self-claimed relationship is flagged for IG review, findable
      // by its reason code as well as its obligations.
      event.reason(Obligation.FLAG_FOR_IG_REVIEW.name());
    }
    return event
        .detail("sources", sources)
        .detail("sectionsReturned", returned)
        .detail("itemsReturned", itemCounts)
        .detail("withheld", withheld)
        .detail("warnings", view.warnings().stream().map(RecordView.WarningView::code).toList())
        .build();
  }

  private static Map<String, @Nullable Object> decisions(PolicyTrace trace) {
    Map<String, @Nullable Object> bySource = new LinkedHashMap<>();
    trace
        .sources()
        .forEach(
            (source, decision) -> {
              Map<String, @Nullable Object> d = new LinkedHashMap<>();
              d.put("permitted", decision.permitted());
              d.put("rule", decision.ruleId());
              if (decision instanceof Decision.Withhold w) {
                d.put("reasonCode", w.reasonCode());
                d.put("reason", w.reason());
              }
              d.put("obligations", PolicyTrace.names(decision.obligations()));
              bySource.put(source, d);
            });
    return bySource;
  }

  /**
   * What the trace says policy withheld in the section; without a trace, the default role matrix's
   * decision; else a source left items out.
   */
  private static Map<String, @Nullable Object> whyWithheld(
      LaunchContext viewer, String key, @Nullable PolicyTrace trace) {
    if (trace != null) {
      var reasons = Section.fromKey(key).map(s -> trace.sectionReasons().get(s)).orElse(null);
      if (reasons != null && !reasons.isEmpty()) {
        // source:reasonCode:rule for each rule that withheld something; never item counts, so
        // even the audit does not say how many sensitive items a patient has.
        return Map.of("reasonCode", "WITHHELD_BY_POLICY", "withheldBy", List.copyOf(reasons));
      }
    }
    Decision decision =
        Section.fromKey(key)
            .map(section -> MATRIX.decide(viewer.role(), section))
            .orElse(new Decision.Permit("unknown-section"));
    if (decision instanceof Decision.Withhold w) {
      return Map.of("reasonCode", w.reasonCode(), "rule", w.ruleId(), "reason", w.reason());
    }
    return Map.of(
        "reasonCode",
        "EXCLUDED_AT_SOURCE",
        "reason",
        "A source left confidential items out of this section");
  }

  private static @Nullable Object member(@Nullable Object record, String name) {
    if (record == null || !record.getClass().isRecord()) {
      return null;
    }
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      if (component.getName().equals(name)) {
        return value(component, record);
      }
    }
    return null;
  }

  private static @Nullable Object value(RecordComponent component, Object record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot read " + component.getName() + " of a record view", e);
    }
  }
}
