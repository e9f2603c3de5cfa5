package org.carelens.gateway.record;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.carelens.gateway.merge.AllergyState;
import org.carelens.gateway.merge.Merged;
import org.carelens.gateway.merge.MergedRecord;
import org.carelens.policy.Decision;
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

/**
 * Turns merged sections into the API's section views. A section outside the viewer's scope is
 * withheld with the generic notice and no items, whatever the sources returned: the notice never
 * says what or how much was hidden (PRODUCT.md, sensitive data).
 */
final class SectionViews {

  private final MergedRecord merged;
  private final Set<Section> inScope;
  private final Map<String, String> sourceNames;
  private final NhsNumber nhsNumber;
  private final Set<Section> withheldByPolicy;

  SectionViews(
      MergedRecord merged,
      Set<Section> inScope,
      Map<String, String> sourceNames,
      NhsNumber nhsNumber) {
    this(merged, inScope, sourceNames, nhsNumber, Set.of());
  }

  /**
   * @param withheldByPolicy sections where policy withheld something from some source (a source
   *     withheld by consent, a section a source does not share with this viewer, a sensitive item):
   *     they carry the generic notice, whatever else they show
   */
  SectionViews(
      MergedRecord merged,
      Set<Section> inScope,
      Map<String, String> sourceNames,
      NhsNumber nhsNumber,
      Set<Section> withheldByPolicy) {
    this.merged = merged;
    this.inScope = inScope;
    this.sourceNames = sourceNames;
    this.nhsNumber = nhsNumber;
    this.withheldByPolicy = Set.copyOf(withheldByPolicy);
  }

  RecordView.Sections sections() {
    return new RecordView.Sections(
        new RecordView.AlertSection(
            withheld(Section.ALERTS),
            notice(Section.ALERTS),
            items(Section.ALERTS, AlertItem.class, this::alert)),
        allergies(),
        new RecordView.MedicationSection(
            withheld(Section.MEDICATIONS),
            notice(Section.MEDICATIONS),
            items(Section.MEDICATIONS, MedicationItem.class, this::medication)),
        new RecordView.ProblemSection(
            withheld(Section.PROBLEMS),
            notice(Section.PROBLEMS),
            items(Section.PROBLEMS, ProblemItem.class, this::problem)),
        new RecordView.EncounterSection(
            withheld(Section.ENCOUNTERS),
            notice(Section.ENCOUNTERS),
            items(Section.ENCOUNTERS, EncounterItem.class, this::encounter)),
        new RecordView.ResultSection(
            withheld(Section.RESULTS),
            notice(Section.RESULTS),
            items(Section.RESULTS, ResultItem.class, this::result)),
        new RecordView.ImmunisationSection(
            withheld(Section.IMMUNISATIONS),
            notice(Section.IMMUNISATIONS),
            items(Section.IMMUNISATIONS, ImmunisationItem.class, this::immunisation)),
        new RecordView.DocumentSection(
            withheld(Section.DOCUMENTS),
            notice(Section.DOCUMENTS),
            items(Section.DOCUMENTS, DocumentItem.class, this::document)),
        new RecordView.ReferralSection(
            withheld(Section.REFERRALS),
            notice(Section.REFERRALS),
            items(Section.REFERRALS, ReferralItem.class, this::referral)),
        new RecordView.CareTeamSection(
            withheld(Section.CARE_TEAM),
            notice(Section.CARE_TEAM),
            items(Section.CARE_TEAM, CareTeamItem.class, this::careTeam)),
        new RecordView.SocialCareSection(
            withheld(Section.SOCIAL_CARE),
            notice(Section.SOCIAL_CARE),
            items(Section.SOCIAL_CARE, SocialCareItem.class, this::socialCare)));
  }

  private RecordView.AllergySection allergies() {
    if (!inScope.contains(Section.ALLERGIES)) {
      return new RecordView.AllergySection(
          true, Decision.WITHHELD_NOTICE, AllergyState.UNAVAILABLE.name(), List.of());
    }
    return new RecordView.AllergySection(
        withheld(Section.ALLERGIES),
        notice(Section.ALLERGIES),
        merged.allergyState().name(),
        items(Section.ALLERGIES, AllergyItem.class, this::allergy));
  }

  /** Withheld by policy, or a source said it left out confidential items. */
  private boolean withheld(Section section) {
    return !inScope.contains(section)
        || withheldByPolicy.contains(section)
        || merged.excludedAtSource().contains(section.key());
  }

  private String notice(Section section) {
    return withheld(section) ? Decision.WITHHELD_NOTICE : null;
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
        sources(merged),
        merged.conflict(),
        differences(merged));
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
