package org.carelens.gateway.record;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.sdk.model.Section;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/patients/{nhsNumber}/record/stream}: the record as Server-Sent Events, so the
 * portal can show one source's allergies while another is still answering. One {@code source} event
 * per source as it completes ({@link SourceEvent}), then one {@code complete} event with the merged
 * view, the same JSON as the record endpoint.
 *
 * <p>Session, NHS number and patient are checked before the stream starts, so those failures are
 * ordinary problem+json responses. If the client goes away, the fan-out is interrupted and every
 * source still running is cut off as at the deadline.
 *
 * <p>Audit before display (PRODUCT.md principle 4) holds per event: each {@code source} event is
 * audited as a view of that source's part of the record before it is sent, and the {@code complete}
 * event as the whole view. If an audit write fails the stream ends with an error and nothing more
 * is shown.
 */
@Controller("/api/v1/patients")
public class RecordStreamController {

  private final RecordAccess access;
  private final RecordService records;
  private final AuditTrail audit;
  private final Clock clock;

  RecordStreamController(
      RecordAccess access, RecordService records, AuditTrail audit, Clock clock) {
    this.access = access;
    this.records = records;
    this.audit = audit;
    this.clock = clock;
  }

  // Blocking: the session and patient checks read the database (relationships, refusal audit),
  // which must never happen on the event loop.
  @Get(value = "/{nhsNumber}/record/stream", produces = MediaType.TEXT_EVENT_STREAM)
  @ExecuteOn(TaskExecutors.BLOCKING)
  @RateLimited(RateLimit.VIEWS)
  public HttpResponse<Publisher<Event<Object>>> stream(
      @PathVariable String nhsNumber,
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String sections) {
    RecordAccess.Granted granted = access.check(authorization, nhsNumber);
    Set<Section> requested =
        sections == null ? RecordService.SERVED : RecordService.parseSections(sections);
    Flux<Event<Object>> events =
        Flux.create(
            sink -> {
              Thread worker =
                  Thread.ofVirtual()
                      .name("record-stream")
                      .start(
                          () -> {
                            try {
                              RecordService.Viewed viewed =
                                  records.stream(
                                      granted.viewer(),
                                      granted.patient(),
                                      requested,
                                      source -> {
                                        // A client that left is shown nothing more, so nothing
                                        // more is audited as shown.
                                        if (!sink.isCancelled()) {
                                          audit.append(auditOf(granted, source));
                                          sink.next(Event.<Object>of(source).name("source"));
                                        }
                                      });
                              if (!sink.isCancelled()) {
                                audit.append(viewed.audit(granted.viewer(), granted.patient()));
                                sink.next(Event.<Object>of(viewed.view()).name("complete"));
                                sink.complete();
                              }
                            } catch (RuntimeException e) {
                              sink.error(e);
                            }
                          });
              sink.onCancel(worker::interrupt);
            });
    return HttpResponse.<Publisher<Event<Object>>>ok(events).header("Cache-Control", "no-store");
  }

  /** One source's part of the view, audited with the same event shape as a whole view. */
  private AuditEvent auditOf(RecordAccess.Granted granted, SourceEvent source) {
    RecordView part =
        new RecordView(
            new RecordView.PatientView(
                granted.patient().value(), null, null, null, null, null, null, null, false),
            List.of(
                new RecordView.SourceView(
                    source.id(),
                    source.name(),
                    source.status(),
                    source.elapsedMs(),
                    source.cached(),
                    source.retrievedAt(),
                    source.reason(),
                    source.detail(),
                    source.obligations(),
                    source.incompleteSections())),
            source.sections(),
            List.of(),
            new RecordView.ViewerView(
                granted.viewer().userId(),
                granted.viewer().userName(),
                granted.viewer().role().code(),
                granted.viewer().organisationOds()),
            clock.instant());
    return RecordViewAudit.of(granted.viewer(), granted.patient(), part);
  }
}
