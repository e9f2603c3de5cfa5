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
import org.carelens.gateway.ig.BreakGlassReviewController.AcknowledgeRequest;
import org.jspecify.annotations.Nullable;

/**
 * The IG officer's review queue of self-claimed relationships (PRODUCT.md rule 1, issue 10): {@code
 * GET /api/v1/audit/relationship-claims?status=open|acknowledged|all} lists {@code
 * RELATIONSHIP_CLAIMED} entries from the audit trail, and {@code POST
 * /api/v1/audit/relationship-claims/{sequence}/acknowledge} records a review as an audit entry of
 * its own ({@code RELATIONSHIP_CLAIM_ACKNOWLEDGED}). The same mechanism as the break-glass queue
 * ({@link ReviewQueue}); IG officers only; reading it is audited.
 */
@Controller("/api/v1/audit/relationship-claims")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RelationshipClaimReviewController {

  private final ReviewQueues queues;

  RelationshipClaimReviewController(ReviewQueues queues) {
    this.queues = queues;
  }

  @Get
  @Operation(
      summary = "Self-claimed relationship review queue",
      description =
          "Self-claimed relationships, newest first: status=open (default) those not yet"
              + " acknowledged, status=acknowledged those reviewed, status=all both. IG officers"
              + " only.")
  public HttpResponse<List<ClaimView>> queue(
      @Header("Authorization") @Nullable String authorization,
      @QueryValue @Nullable String status) {
    List<ClaimView> items =
        queues.list(
            ReviewQueue.Kind.RELATIONSHIP_CLAIM,
            "relationship-claim-queue",
            authorization,
            status,
            this::view);
    return HttpResponse.ok(items).header("Cache-Control", "no-store");
  }

  @Post("/{sequence}/acknowledge")
  @Operation(
      summary = "Acknowledge a self-claimed relationship",
      description =
          "Body {\"note\"} (mandatory). Appends a RELATIONSHIP_CLAIM_ACKNOWLEDGED audit entry"
              + " naming the claim's sequence; the claim's entry is never changed. 404 if the"
              + " sequence is not a claim, 409 if already acknowledged. IG officers only.")
  public HttpResponse<ClaimView> acknowledge(
      @PathVariable long sequence,
      @Header("Authorization") @Nullable String authorization,
      @Body @Nullable AcknowledgeRequest body) {
    ClaimView view =
        queues.acknowledge(
            ReviewQueue.Kind.RELATIONSHIP_CLAIM,
            "RELATIONSHIP_CLAIM",
            "relationship claim",
            sequence,
            authorization,
            body == null ? null : body.note(),
            this::view);
    return HttpResponse.<ClaimView>status(HttpStatus.CREATED)
        .header("Cache-Control", "no-store")
        .body(view);
  }

  private ClaimView view(ReviewQueue.Item item) {
    AuditEntry e = item.entry();
    Map<String, @Nullable Object> details = queues.details(e);
    return new ClaimView(
        e.sequence(),
        e.time(),
        ReviewQueues.status(item),
        e.userId().orElse(null),
        e.userName().orElse(null),
        e.role().orElse(null),
        e.organisation().orElse(null),
        e.patient().orElse(null),
        ReviewQueues.string(details, "reasonCode"),
        ReviewQueues.string(details, "reasonText"),
        ReviewQueues.string(details, "reason"),
        ReviewQueues.string(details, "launchedPatient"),
        queues.acknowledgement(item));
  }

  /**
   * One self-claimed relationship on the queue, with its acknowledgement once reviewed.
   *
   * @param reasonCode the agreement's coded reason ({@code null} for claims made before issue 10)
   * @param reasonText the coded reason in the agreement's words when the claim was made ({@code
   *     null} for claims recorded before the words were)
   * @param reason the user's own words
   * @param launchedPatient the patient the claiming session was launched for
   */
  @Serdeable
  public record ClaimView(
      long sequence,
      Instant time,
      String status,
      @Nullable String userId,
      @Nullable String userName,
      @Nullable String role,
      @Nullable String organisation,
      @Nullable String patient,
      @Nullable String reasonCode,
      @Nullable String reasonText,
      @Nullable String reason,
      @Nullable String launchedPatient,
      ReviewQueues.@Nullable Acknowledgement acknowledgement) {}
}
