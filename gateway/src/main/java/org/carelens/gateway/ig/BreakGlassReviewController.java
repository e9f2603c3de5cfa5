package org.carelens.gateway.ig;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.ReviewQueue;
import org.jspecify.annotations.Nullable;

/**
 * The IG officer's break-glass review queue (PRODUCT.md rule 7, issue 6 item 4): {@code GET
 * /api/v1/audit/break-glass?status=open|acknowledged} lists break-glass declarations from the audit
 * trail, and {@code POST /api/v1/audit/break-glass/{sequence}/acknowledge} records a review as an
 * audit entry of its own. IG officers only; reading the queue is audited too.
 */
@Controller("/api/v1/audit/break-glass")
@ExecuteOn(TaskExecutors.BLOCKING)
public class BreakGlassReviewController {

  private final ReviewQueues queues;

  BreakGlassReviewController(ReviewQueues queues) {
    this.queues = queues;
  }

  @Get
  @Operation(
      summary = "Break-glass review queue",
      description =
          "Break-glass declarations, newest first: status=open (default) those not yet"
              + " acknowledged, status=acknowledged those reviewed, status=all both. IG officers"
              + " only.")
  public HttpResponse<List<BreakGlassView>> queue(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String status) {
    List<BreakGlassView> items =
        queues.list(
            ReviewQueue.Kind.BREAK_GLASS, "break-glass-queue", authorization, status, this::view);
    return HttpResponse.ok(items).header("Cache-Control", "no-store");
  }

  @Post("/{sequence}/acknowledge")
  @Operation(
      summary = "Acknowledge a break-glass",
      description =
          "Body {\"note\"} (mandatory). Appends a BREAK_GLASS_ACKNOWLEDGED audit entry naming the"
              + " break-glass entry's sequence; the entry itself is never changed. 404 if the"
              + " sequence is not a break-glass entry, 409 if already acknowledged. IG officers"
              + " only.")
  public HttpResponse<BreakGlassView> acknowledge(
      @PathVariable long sequence,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable AcknowledgeRequest body) {
    BreakGlassView view =
        queues.acknowledge(
            ReviewQueue.Kind.BREAK_GLASS,
            "BREAK_GLASS",
            "break-glass declaration",
            sequence,
            authorization,
            body == null ? null : body.note(),
            this::view);
    return HttpResponse.<BreakGlassView>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(view);
  }

  private BreakGlassView view(ReviewQueue.Item item) {
    AuditEntry e = item.entry();
    Map<String, @Nullable Object> details = queues.details(e);
    return new BreakGlassView(
        e.sequence(),
        e.time(),
        ReviewQueues.status(item),
        e.userId().orElse(null),
        e.userName().orElse(null),
        e.role().orElse(null),
        e.organisation().orElse(null),
        e.patient().orElse(null),
        ReviewQueues.string(details, "reason"),
        ReviewQueues.string(details, "detail"),
        ReviewQueues.string(details, "expiresAt"),
        queues.acknowledgement(item));
  }

  /** {@code POST .../acknowledge}. */
  @Serdeable
  public record AcknowledgeRequest(@Nullable String note) {}

  /** One break-glass declaration on the queue, with its acknowledgement once reviewed. */
  @Serdeable
  public record BreakGlassView(
      long sequence,
      Instant time,
      String status,
      @Nullable String userId,
      @Nullable String userName,
      @Nullable String role,
      @Nullable String organisation,
      @Nullable String patient,
      @Nullable String reason,
      @Nullable String detail,
      @Nullable String expiresAt,
      ReviewQueues.@Nullable Acknowledgement acknowledgement) {}
}
