package org.carelens.gateway.record;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.fanout.SourceResult;
import org.carelens.gateway.launch.LaunchContext;
import org.carelens.gateway.merge.MergedRecord;
import org.carelens.gateway.merge.RecordMerger;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.RoleSectionMatrix;
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

  /** The sections the record API serves: every section of the canonical model. */
  static final Set<Section> SERVED = EnumSet.allOf(Section.class);

  private final FanoutEngine fanout;
  private final RoleSectionMatrix matrix = RoleSectionMatrix.defaults();
  private final RecordMerger merger = new RecordMerger();
  private final Clock clock;
  private final GatewayMetrics metrics;

  public RecordService(FanoutEngine fanout, Clock clock, GatewayMetrics metrics) {
    this.fanout = fanout;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** The whole view, once every source has answered or the deadline has passed. */
  public RecordView view(LaunchContext viewer, NhsNumber nhsNumber, Set<Section> requested) {
    return build(viewer, nhsNumber, requested, event -> {}, "record");
  }

  /**
   * The whole view, as {@link #view}, telling {@code onSource} about each source as it completes:
   * its status and its own items, after the same policy as the view.
   */
  public RecordView stream(
      LaunchContext viewer,
      NhsNumber nhsNumber,
      Set<Section> requested,
      Consumer<SourceEvent> onSource) {
    return build(viewer, nhsNumber, requested, onSource, "stream");
  }

  private RecordView build(
      LaunchContext viewer,
      NhsNumber nhsNumber,
      Set<Section> requested,
      Consumer<SourceEvent> onSource,
      String endpoint) {
    long started = System.nanoTime();
    Set<Section> inScope = inScope(viewer, requested);
    Map<String, String> names = sourceNames();
    List<SourceResult> results =
        fanout.fetchAll(
            nhsNumber,
            inScope,
            requestContext(viewer),
            result -> onSource.accept(sourceEvent(result, inScope, names, nhsNumber)));
    MergedRecord merged = merger.merge(results);
    RecordView view =
        new RecordView(
            patient(nhsNumber, merged),
            results.stream().map(RecordService::source).toList(),
            new SectionViews(merged, inScope, names, nhsNumber).sections(),
            merged.warnings().stream()
                .map(w -> new RecordView.WarningView(w.code(), w.message()))
                .toList(),
            new RecordView.ViewerView(
                viewer.userId(), viewer.userName(), viewer.role().code(), viewer.organisationOds()),
            clock.instant());
    metrics.view(endpoint, Duration.ofNanos(System.nanoTime() - started));
    return view;
  }

  /** Whether the viewer's role may see {@code section} at all. */
  boolean permitted(LaunchContext viewer, Section section) {
    return matrix.decide(viewer.role(), section).permitted();
  }

  private Set<Section> inScope(LaunchContext viewer, Set<Section> requested) {
    Set<Section> inScope = EnumSet.noneOf(Section.class);
    for (Section section : requested) {
      if (permitted(viewer, section)) {
        inScope.add(section);
      }
    }
    return inScope;
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
      SourceResult result, Set<Section> inScope, Map<String, String> names, NhsNumber nhsNumber) {
    RecordView.SourceView source = source(result);
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
        new SectionViews(alone, inScope, names, nhsNumber).sections());
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
        p.gender().name().toLowerCase(Locale.ROOT),
        p.deceasedDate().orElse(null),
        p.address().orElse(null),
        p.telephone().orElse(null),
        p.registeredPracticeOds().orElse(null),
        p.restricted());
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
