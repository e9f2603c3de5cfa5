package org.carelens.gateway.record;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.carelens.gateway.merge.AllergyState;
import org.carelens.gateway.merge.Merged;
import org.carelens.gateway.merge.MergedRecord;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SocialCareItem;
import org.jspecify.annotations.Nullable;

/**
 * Turns merged sections into the API's section views. A section outside the viewer's scope is
 * withheld with no items, whatever the sources returned; a section where anything was withheld says
 * why ({@link WithheldNotice}) but never what or how much was hidden (PRODUCT.md, sensitive data);
 * a section a source could not read completely lists that source in {@code incomplete}.
 */
final class SectionViews {

  private final MergedRecord merged;
  private final Set<Section> inScope;
  private final Map<String, String> sourceNames;
  private final NhsNumber nhsNumber;
  private final PolicyTrace trace;
  private final WithheldNotice.Context context;

  /**
   * @param trace what policy withheld so far in this view and why: sections with anything withheld
   *     carry a notice and {@code withheldReasons}, whatever else they show
   * @param context the viewer and agreement, for the notice's plain wording
   */
  SectionViews(
      MergedRecord merged,
      Set<Section> inScope,
      Map<String, String> sourceNames,
      NhsNumber nhsNumber,
      PolicyTrace trace,
      WithheldNotice.Context context) {
    this.merged = merged;
    this.inScope = inScope;
    this.sourceNames = sourceNames;
    this.nhsNumber = nhsNumber;
    this.trace = trace;
    this.context = context;
  }

  RecordView.Sections sections() {
    return new RecordView.Sections(
        section(Section.ALERTS, AlertItem.class, this::alert, RecordView.AlertSection::new),
        allergies(),
        section(
            Section.MEDICATIONS,
            MedicationItem.class,
            this::medication,
            RecordView.MedicationSection::new),
        section(Section.PROBLEMS, ProblemItem.class, this::problem, RecordView.ProblemSection::new),
        section(
            Section.ENCOUNTERS,
            EncounterItem.class,
            this::encounter,
            RecordView.EncounterSection::new),
        section(Section.RESULTS, ResultItem.class, this::result, RecordView.ResultSection::new),
        section(
            Section.IMMUNISATIONS,
            ImmunisationItem.class,
            this::immunisation,
            RecordView.ImmunisationSection::new),
        section(
            Section.DOCUMENTS, DocumentItem.class, this::document, RecordView.DocumentSection::new),
        section(
            Section.REFERRALS, ReferralItem.class, this::referral, RecordView.ReferralSection::new),
        section(
            Section.CARE_TEAM, CareTeamItem.class, this::careTeam, RecordView.CareTeamSection::new),
        section(
            Section.SOCIAL_CARE,
            SocialCareItem.class,
            this::socialCare,
            RecordView.SocialCareSection::new));
  }

  /** How a section view is made from its parts; every section record has this shape. */
  @FunctionalInterface
  private interface SectionFactory<V, S> {
    S create(
        boolean withheld,
        @Nullable String notice,
        List<V> items,
        List<RecordView.IncompleteView> incomplete,
        List<String> withheldReasons);
  }

  private <T extends ClinicalItem, V, S> S section(
      Section section, Class<T> type, Function<Merged<T>, V> view, SectionFactory<V, S> factory) {
    WithheldNotice notice = notice(section);
    return factory.create(
        withheld(section, notice),
        notice.notice(),
        items(section, type, view),
        incomplete(section),
        notice.reasons());
  }

  private RecordView.AllergySection allergies() {
    WithheldNotice notice = notice(Section.ALLERGIES);
    return new RecordView.AllergySection(
        withheld(Section.ALLERGIES, notice),
        notice.notice(),
        inScope.contains(Section.ALLERGIES)
            ? merged.allergyState().name()
            : AllergyState.UNAVAILABLE.name(),
        items(Section.ALLERGIES, AllergyItem.class, this::allergy),
        incomplete(Section.ALLERGIES),
        notice.reasons());
  }

  /**
   * Outside the viewer's scope, or something in it was withheld by policy or left out at source.
   */
  private boolean withheld(Section section, WithheldNotice notice) {
    return !inScope.contains(section) || !notice.reasons().isEmpty();
  }

  private WithheldNotice notice(Section section) {
    WithheldNotice notice =
        WithheldNotice.of(
            trace.withheld(section), merged.excludedAtSource().contains(section.key()), context);
    if (notice.reasons().isEmpty() && !inScope.contains(section)) {
      // Not asked for in this request (?sections=...): nothing was withheld, and nothing is shown.
      return new WithheldNotice(List.of(), NOT_REQUESTED);
    }
    return notice;
  }

  /** The notice of a section the request did not ask for. */
  static final String NOT_REQUESTED = "Not requested in this view";

  /** What sources could not read in a section the viewer may see; never for one they may not. */
  private List<RecordView.IncompleteView> incomplete(Section section) {
    if (!inScope.contains(section)) {
      return List.of();
    }
    return merged.gaps(section).stream()
        .map(
            g ->
                new RecordView.IncompleteView(
                    g.sourceId(), g.state(), g.unreadableItems().orElse(null), g.message()))
        .toList();
  }

  private <T extends ClinicalItem, V> List<V> items(
      Section section, Class<T> type, Function<Merged<T>, V> view) {
    if (!inScope.contains(section)) {
      return List.of();
    }
    return merged.items(section, type).stream().map(view).toList();
  }

  private RecordView.AlertView alert(Merged<AlertItem> m) {
    AlertItem a = m.item();
    return new RecordView.AlertView(
        itemId(m),
        concept(a.concept()),
        a.kind().name(),
        a.status().name(),
        a.recordedDate().orElse(null),
        a.note().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.AllergyView allergy(Merged<AllergyItem> m) {
    AllergyItem a = m.item();
    return new RecordView.AllergyView(
        itemId(m),
        concept(a.concept()),
        a.status().name(),
        a.onsetDate().orElse(null),
        a.recordedDate().orElse(null),
        a.reactions(),
        a.severity().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.MedicationView medication(Merged<MedicationItem> merged) {
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
        medicationSources(merged),
        merged.conflict(),
        differences(merged));
  }

  /**
   * Each source of a medication with its own values, from that source's occurrence: the merge ran
   * on what policy left, so only items the viewer may see are here.
   */
  private List<RecordView.MedicationSource> medicationSources(Merged<MedicationItem> merged) {
    return merged.occurrences().stream()
        .map(
            o ->
                new RecordView.MedicationSource(
                    o.provenance().sourceId(),
                    sourceNames.getOrDefault(o.provenance().sourceId(), o.provenance().sourceId()),
                    o.provenance().sourceItemId(),
                    medicationValues(o)))
        .toList();
  }

  static RecordView.MedicationValues medicationValues(MedicationItem m) {
    return new RecordView.MedicationValues(
        m.status().name(),
        m.prescriptionType().name(),
        m.dosageText().orElse(null),
        m.quantityText().orElse(null),
        m.startDate().orElse(null),
        m.endDate().orElse(null),
        m.lastIssued().orElse(null),
        m.discontinuationReason().orElse(null));
  }

  private RecordView.ProblemView problem(Merged<ProblemItem> m) {
    ProblemItem p = m.item();
    return new RecordView.ProblemView(
        itemId(m),
        concept(p.concept()),
        p.status().name(),
        p.significance().name(),
        p.onsetDate().orElse(null),
        p.endDate().orElse(null),
        p.recordedDate().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.EncounterView encounter(Merged<EncounterItem> m) {
    EncounterItem e = m.item();
    return new RecordView.EncounterView(
        itemId(m),
        concept(e.concept()),
        e.kind().name(),
        e.start().orElse(null),
        e.end().orElse(null),
        e.startTime().orElse(null),
        e.endTime().orElse(null),
        e.location().orElse(null),
        e.clinician().orElse(null),
        e.summary().orElse(null),
        e.dischargeDetails().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.ResultView result(Merged<ResultItem> m) {
    ResultItem r = m.item();
    return new RecordView.ResultView(
        itemId(m),
        concept(r.concept()),
        r.value().orElse(null),
        r.unit().orElse(null),
        r.referenceRange().orElse(null),
        r.flag().name(),
        r.status().name(),
        r.effectiveDate().orElse(null),
        r.report().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.ImmunisationView immunisation(Merged<ImmunisationItem> m) {
    ImmunisationItem i = m.item();
    return new RecordView.ImmunisationView(
        itemId(m),
        concept(i.concept()),
        i.status().name(),
        i.date().orElse(null),
        i.doseSequence().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.DocumentView document(Merged<DocumentItem> m) {
    DocumentItem d = m.item();
    return new RecordView.DocumentView(
        itemId(m),
        concept(d.concept()),
        d.title(),
        d.date().orElse(null),
        d.time().orElse(null),
        d.author().orElse(null),
        d.contentType().orElse(null),
        DocumentPaths.contentUrl(
            nhsNumber, d.provenance().sourceId(), d.provenance().sourceItemId()),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.ReferralView referral(Merged<ReferralItem> m) {
    ReferralItem r = m.item();
    return new RecordView.ReferralView(
        itemId(m),
        concept(r.concept()),
        r.status().name(),
        r.requestedDate().orElse(null),
        r.recipient().orElse(null),
        r.priority().orElse(null),
        r.appointmentDate().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.CareTeamView careTeam(Merged<CareTeamItem> m) {
    CareTeamItem c = m.item();
    return new RecordView.CareTeamView(
        itemId(m),
        concept(c.concept()),
        c.memberName(),
        c.organisation().orElse(null),
        c.contact().orElse(null),
        c.status().name(),
        c.startDate().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private RecordView.SocialCareView socialCare(Merged<SocialCareItem> m) {
    SocialCareItem s = m.item();
    return new RecordView.SocialCareView(
        itemId(m),
        concept(s.concept()),
        s.description(),
        s.status().name(),
        s.startDate().orElse(null),
        s.endDate().orElse(null),
        s.provider().orElse(null),
        sources(m),
        m.conflict(),
        differences(m));
  }

  private static String itemId(Merged<? extends ClinicalItem> merged) {
    return merged.item().provenance().sourceId() + ":" + merged.item().provenance().sourceItemId();
  }

  private static RecordView.ConceptView concept(CodedConcept c) {
    return new RecordView.ConceptView(c.system(), c.code(), c.display());
  }

  /**
   * Every source's value where sources differ. Built from the merged item, which was merged from
   * the answers policy left, so no value of a withheld item appears here.
   */
  private static List<RecordView.DifferenceView> differences(
      Merged<? extends ClinicalItem> merged) {
    return merged.differences().stream()
        .map(
            d ->
                new RecordView.DifferenceView(
                    d.field(),
                    d.values().stream()
                        .map(
                            v -> new RecordView.SourceValueView(v.source(), v.value().orElse(null)))
                        .toList()))
        .toList();
  }

  private List<RecordView.ItemSource> sources(Merged<? extends ClinicalItem> merged) {
    return merged.occurrences().stream()
        .map(ClinicalItem::provenance)
        .map(
            p ->
                new RecordView.ItemSource(
                    p.sourceId(),
                    sourceNames.getOrDefault(p.sourceId(), p.sourceId()),
                    p.sourceItemId()))
        .toList();
  }
}
