package org.carelens.gateway.record;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import java.util.Set;
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
 */
@Controller("/api/v1/patients")
public class RecordStreamController {

  private final RecordAccess access;
  private final RecordService records;

  RecordStreamController(RecordAccess access, RecordService records) {
    this.access = access;
    this.records = records;
  }

  @Get(value = "/{nhsNumber}/record/stream", produces = MediaType.TEXT_EVENT_STREAM)
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
                              RecordView view =
                                  records.stream(
                                      granted.viewer(),
                                      granted.patient(),
                                      requested,
                                      source -> sink.next(Event.<Object>of(source).name("source")));
                              sink.next(Event.<Object>of(view).name("complete"));
                              sink.complete();
                            } catch (RuntimeException e) {
                              sink.error(e);
                            }
                          });
              sink.onCancel(worker::interrupt);
            });
    return HttpResponse.<Publisher<Event<Object>>>ok(events).header("Cache-Control", "no-store");
  }
}
