package org.carelens.gateway.record;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.consent.ConsentState;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.merge.MergedRecord;
import org.carelens.gateway.merge.RecordMerger;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.AccessPolicy;
import org.carelens.policy.Decision;
import org.carelens.policy.Obligation;
import org.carelens.policy.consent.PatientConsent;
import org.carelens.policy.consent.Relationship;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one record view in the order of the request flow: consent is read from the register at the
 * moment of the view, policy decides which sources are asked at all and for which sections, the
 * fan-out asks only those, policy filters every item of every answer (fresh or from cache), the
 * merger combines what is left, and the view carries the policy's obligations.
 */
@Singleton
public class RecordService {

  private static final Logger LOG = LoggerFactory.getLogger(RecordService.class);

  /** The sections the record API serves: every section of the canonical model. */
  static final Set<Section> SERVED = EnumSet.allOf(Section.class);

  private final FanoutEngine fanout;
  private final AccessPolicy policy;
  private final ConsentState consents;
  private final RecordMerger merger = new RecordMerger();
  private final Clock clock;
  private final GatewayMetrics metrics;

  public RecordService(
      FanoutEngine fanout,
      AccessPolicy policy,
      ConsentState consents,
      Clock clock,
      GatewayMetrics metrics) {
    this.fanout = fanout;
    this.policy = policy;
    this.consents = consents;
    this.clock = clock;
    this.metrics = metrics;
    for (SourceDescriptor source : fanout.sources()) {
      if (policy.agreement().source(source.id()).isEmpty()) {
        LOG.warn(
            "Source '{}' is configured but not in sharing agreement {} v{}: it will be withheld"
                + " from every view (NOT_IN_AGREEMENT)",
            source.id(),
            policy.agreement().id(),
            policy.agreement().version());
      }
    }
  }

  /**
   * A view, and for the audit only: what policy withheld in it and why, and the patient's
   * registered practice as the sources gave it (even when the banner hides it from the viewer).
   */
  public record Viewed(RecordView view, PolicyTrace trace, Optional<String> registeredPractice) {

    /** The {@code RECORD_VIEW} audit event for this view. */
    public AuditEvent audit(LaunchContext viewer, NhsNumber patient) {
      return RecordViewAudit.of(viewer, patient, view, trace, registeredPractice);
    }
  }

  /**
   * Told nothing: the plain record view has no per-source events, so none are built (each is a
   * merge and a section rendering of its own, about a tenth of a view's CPU; issue 14).
   */
  private static final Consumer<SourceEvent> NO_EVENTS = event -> {};

  /** The whole view, once every source asked has answered or the deadline has passed. */
  public Viewed view(LaunchContext viewer, NhsNumber nhsNumber, Set<Section> requested) {
    return build(viewer, nhsNumber, requested, NO_EVENTS, "record");
  }

  /**
   * The whole view, as {@link #view}, telling {@code onSource} about each source as it completes
   * (sources withheld by policy first): its status and its own items, after the same policy as the
   * view.
   */
  public Viewed stream(
      LaunchContext viewer,
      NhsNumber nhsNumber,
      Set<Section> requested,
      Consumer<SourceEvent> onSource) {
    return build(viewer, nhsNumber, requested, onSource, "stream");
  }

  private Viewed build(
      LaunchContext launch,
      NhsNumber nhsNumber,
      Set<Section> requested,
      Consumer<SourceEvent> onSource,
      String endpoint) {
    long started = System.nanoTime();
    Instant now = clock.instant();
    ConsentState.ForView state = consents.at(launch, nhsNumber, now);
    ViewPolicy viewPolicy = new ViewPolicy(policy, state.viewer(), state.consent(), now, requested);
    Map<String, String> names = sourceNames();
    List<SourceDescriptor> sources = fanout.sources();
    Map<String, SourceResult> byId = new LinkedHashMap<>();
    for (SourceResult withheld : viewPolicy.decideSources(sources)) {
      byId.put(withheld.source().id(), withheld);
      if (onSource != NO_EVENTS) {
        onSource.accept(sourceEvent(withheld, viewPolicy, names, nhsNumber));
      }
    }
    List<SourceResult> fetched =
        fanout.fetch(
            nhsNumber,
            viewPolicy.plan(),
            requestContext(launch),
            result -> {
              SourceResult filtered = viewPolicy.filter(result);
              byId.put(filtered.source().id(), filtered);
              if (onSource != NO_EVENTS) {
                onSource.accept(sourceEvent(filtered, viewPolicy, names, nhsNumber));
              }
            });
    // The engine reports every planned source through the callback; this only guards the order.
    for (SourceResult result : fetched) {
      byId.computeIfAbsent(result.source().id(), id -> viewPolicy.filter(result));
    }
    List<SourceResult> results = new ArrayList<>();
    for (SourceDescriptor source : sources) {
      Optional.ofNullable(byId.get(source.id())).ifPresent(results::add);
    }
    MergedRecord merged = merger.merge(results);
    PolicyTrace trace = viewPolicy.trace();
    RecordView view =
        new RecordView(
            patient(nhsNumber, merged, results, viewPolicy.consent()),
            results.stream().map(r -> source(r, viewPolicy)).toList(),
            new SectionViews(
                    merged,
                    viewPolicy.inScope(),
                    names,
                    nhsNumber,
                    trace,
                    context(viewPolicy, names))
                .sections(),
            merged.warnings().stream()
                .map(w -> new RecordView.WarningView(w.code(), w.message()))
                .toList(),
            new RecordView.ViewerView(
                launch.userId(), launch.userName(), launch.role().code(), launch.organisationOds()),
            clock.instant(),
            PolicyTrace.names(trace.obligations()),
            breakGlass(viewPolicy));
    metrics.view(endpoint, Duration.ofNanos(System.nanoTime() - started));
    return new Viewed(
        view, trace, merged.patient().flatMap(PatientIdentity::registeredPracticeOds));
  }

  /**
   * Whether this viewer may open one document's content: the same consent, source, section and item
   * decisions as the view, taken now. The document must be one the viewer's view would list; the
   * source's answer comes through the fan-out (usually its cache, filled by the view just shown).
   *
   * @return the decision; a {@link Decision.Withhold} with {@code DOCUMENT_NOT_IN_VIEW} when the
   *     source does not list it for this patient
   */
  public Decision documentAccess(
      LaunchContext launch, NhsNumber nhsNumber, String sourceId, String documentId) {
    Instant now = clock.instant();
    ConsentState.ForView state = consents.at(launch, nhsNumber, now);
    ViewPolicy viewPolicy =
        new ViewPolicy(policy, state.viewer(), state.consent(), now, EnumSet.of(Section.DOCUMENTS));
    List<SourceDescriptor> source =
        fanout.sources().stream().filter(s -> s.id().equals(sourceId)).toList();
    List<SourceResult> withheld = viewPolicy.decideSources(source);
    if (!withheld.isEmpty()) {
      return viewPolicy.trace().sources().get(sourceId);
    }
    Decision section = policy.decideSection(state.viewer(), sourceId, Section.DOCUMENTS);
    if (!section.permitted()) {
      return section;
    }
    if (source.stream().noneMatch(s -> s.sections().contains(Section.DOCUMENTS))) {
      // Nothing to check the document against, and nothing the adapter could serve: not asked.
      return new Decision.Withhold(
          "DOCUMENTS_NOT_OFFERED",
          "Source '%s' offers no documents section".formatted(sourceId),
          "document-in-view");
    }
    List<SourceResult> fetched =
        fanout.fetch(nhsNumber, viewPolicy.plan(), requestContext(launch), r -> {});
    boolean listed =
        fetched.stream()
            .map(viewPolicy::filter)
            .flatMap(r -> r.record().stream())
            .flatMap(r -> r.section(Section.DOCUMENTS).stream())
            .flatMap(c -> c.items().stream())
            .map(DocumentItem.class::cast)
            .anyMatch(d -> d.provenance().sourceItemId().equals(documentId));
    if (!listed) {
      // Also what a withheld sensitive document looks like: the viewer cannot tell the two apart.
      return new Decision.Withhold(
          "DOCUMENT_NOT_IN_VIEW",
          "The source lists no document with this id that this viewer may see",
          "document-in-view");
    }
    return new Decision.Permit("document-permitted");
  }

  /**
   * The banner shows break-glass only while a declaration is in force. A session whose only way to
   * this patient was a break-glass that has ended also views as {@code BREAK_GLASS} (so the policy
   * withholds everything), but must not be told its emergency access is still active.
   */
  private static RecordView.BreakGlassView breakGlass(ViewPolicy viewPolicy) {
    if (viewPolicy.viewer().relationship() != Relationship.BREAK_GLASS) {
      return RecordView.BreakGlassView.INACTIVE;
    }
    return viewPolicy
        .consent()
        .breakGlassUntil()
        .map(until -> new RecordView.BreakGlassView(true, until))
        .orElse(RecordView.BreakGlassView.INACTIVE);
  }

  static RequestContext requestContext(LaunchContext viewer) {
    return new RequestContext(
        UUID.randomUUID().toString(),
        viewer.userId(),
        viewer.userName(),
        viewer.role().code(),
        viewer.organisationOds(),
        viewer.organisationName());
  }

  private Map<String, String> sourceNames() {
    return fanout.sources().stream()
        .collect(Collectors.toMap(SourceDescriptor::id, SourceDescriptor::name));
  }

  /** One source on its own: the same merge and policy as the view, over that source alone. */
  private SourceEvent sourceEvent(
      SourceResult result, ViewPolicy viewPolicy, Map<String, String> names, NhsNumber nhsNumber) {
    RecordView.SourceView source = source(result, viewPolicy);
    MergedRecord alone = merger.merge(List.of(result));
    return new SourceEvent(
        source.id(),
        source.name(),
        source.status(),
        source.elapsedMs(),
        source.cached(),
        source.retrievedAt(),
        source.reason(),
        source.detail(),
        new SectionViews(
                alone,
                viewPolicy.inScope(),
                names,
                nhsNumber,
                viewPolicy.trace(),
                context(viewPolicy, names))
            .sections(),
        source.obligations(),
        source.incompleteSections());
  }

  private WithheldNotice.Context context(ViewPolicy viewPolicy, Map<String, String> names) {
    return new WithheldNotice.Context(
        viewPolicy.viewer().role().code(),
        viewPolicy.viewer().organisationType(),
        policy.agreement().id(),
        names);
  }

  private static RecordView.SourceView source(SourceResult r, ViewPolicy viewPolicy) {
    r.detail().ifPresent(d -> viewPolicy.trace().detail(r.source().id(), d));
    Set<Obligation> obligations =
        Optional.ofNullable(viewPolicy.trace().sources().get(r.source().id()))
            .map(Decision::obligations)
            .orElse(Set.of());
    return new RecordView.SourceView(
        r.source().id(),
        r.source().name(),
        r.status().name(),
        r.elapsed().toMillis(),
        r.cached(),
        r.retrievedAt().orElse(null),
        r.reasonCode().orElse(null),
        ViewerDetail.of(r.detail().orElse(null)),
        PolicyTrace.names(obligations),
        incompleteSections(r, viewPolicy.inScope()));
  }

  /**
   * The sections a source answered but could not read completely, of those the viewer may see
   * (after policy, which keeps only the sections the source was asked for).
   */
  private static List<RecordView.IncompleteSectionView> incompleteSections(
      SourceResult r, Set<Section> inScope) {
    return RecordMerger.gaps(List.of(r)).stream()
        .filter(g -> inScope.contains(g.section()))
        .map(
            g ->
                new RecordView.IncompleteSectionView(
                    g.section().key(), g.state(), g.unreadableItems().orElse(null), g.detail()))
        .toList();
  }

  /**
   * The patient banner. For a restricted patient (the S-flag from any source) address, telephone,
   * registered practice and contacts are hidden (PRODUCT.md rule 8), whichever source supplied
   * them.
   */
  private RecordView.PatientView patient(
      NhsNumber nhsNumber,
      MergedRecord merged,
      List<SourceResult> results,
      PatientConsent consent) {
    boolean restricted =
        results.stream()
            .flatMap(r -> r.record().stream())
            .flatMap(r -> r.patient().stream())
            .anyMatch(PatientIdentity::restricted);
    PatientConsent withFlag =
        new PatientConsent(
            consent.dissents(),
            consent.permissionsToView(),
            consent.breakGlassUntil(),
            consent.restricted() || restricted);
    boolean hide = policy.hideContactDetails(withFlag);
    return merged
        .patient()
        .map(p -> patient(p, hide))
        .orElseGet(
            () ->
                new RecordView.PatientView(
                    nhsNumber.value(), null, null, null, null, null, null, null, hide));
  }

  private static RecordView.PatientView patient(PatientIdentity p, boolean hide) {
    return new RecordView.PatientView(
        p.nhsNumber().value(),
        new RecordView.NameView(p.name().family(), p.name().given(), p.name().title().orElse(null)),
        p.birthDate(),
        p.gender().name().toLowerCase(Locale.ROOT),
        p.deceasedDate().orElse(null),
        hide ? null : p.address().orElse(null),
        hide ? null : p.telephone().orElse(null),
        hide ? null : p.registeredPracticeOds().orElse(null),
        hide || p.restricted(),
        // A restricted patient's contacts would lead to them as surely as their own address: the
        // spine withholds them, and so does the view, whichever source sent them.
        hide || p.restricted()
            ? List.of()
            : p.contacts().stream().map(RecordService::contact).toList());
  }

  private static RecordView.ContactView contact(PatientIdentity.Contact c) {
    return new RecordView.ContactView(
        c.relationship().orElse(null),
        c.name().orElse(null),
        c.telephone().orElse(null),
        c.start().orElse(null),
        c.end().orElse(null));
  }

  static Set<Section> parseSections(String sections) {
    Set<Section> result = EnumSet.noneOf(Section.class);
    for (String key : sections.split(",")) {
      Section section =
          Section.fromKey(key.strip())
              .filter(SERVED::contains)
              .orElseThrow(
                  () ->
                      ProblemException.badRequest(
                          "INVALID_SECTIONS",
                          "Unknown section '%s'; this gateway serves %s"
                              .formatted(key.strip(), SERVED.stream().map(Section::key).toList())));
      result.add(section);
    }
    return result;
  }
}
