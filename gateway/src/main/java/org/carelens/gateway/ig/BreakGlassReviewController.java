package org.carelens.gateway.ig;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.gateway.audit.AuditEntry;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.audit.BreakGlassReview;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.gateway.session.GatewaySession;
import org.carelens.gateway.session.SessionGuard;
import org.carelens.policy.Role;
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

  static final int MAX_NOTE = 2000;

  private final SessionGuard sessions;
  private final AuditTrail audit;
  private final BreakGlassReview review;
  private final JsonMapper json;

  public BreakGlassReviewController(
      SessionGuard sessions, AuditTrail audit, BreakGlassReview review, JsonMapper json) {
    this.sessions = sessions;
    this.audit = audit;
    this.review = review;
    this.json = json;
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
    GatewaySession session = igOfficer(authorization, "the break-glass review queue");
    String wanted = status == null ? "open" : status;
    if (!List.of("open", "acknowledged", "all").contains(wanted)) {
      throw ProblemException.badRequest(
          "INVALID_AUDIT_QUERY", "status must be open, acknowledged or all, was '" + wanted + "'");
    }
    audit.append(
        AuditEvent.builder(AuditEventType.AUDIT_SEARCH, AuditOutcome.SUCCESS)
            .launch(session.launch())
            .detail("kind", "break-glass-queue")
            .detail("criteria", Map.of("status", wanted))
            .build());
    List<BreakGlassView> items =
        review.queue().stream()
            .filter(i -> wanted.equals("all") || wanted.equals(status(i)))
            .map(this::view)
            .toList();
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
    GatewaySession session = igOfficer(authorization, "break-glass acknowledgement");
    String note = body == null || body.note() == null ? "" : body.note().strip();
    if (note.isEmpty() || note.length() > MAX_NOTE) {
      throw ProblemException.badRequest(
          "INVALID_ACKNOWLEDGEMENT",
          "note is mandatory: say what the review found (at most " + MAX_NOTE + " characters)");
    }
    return switch (review.acknowledge(sequence, session.launch(), note)) {
      case BreakGlassReview.Acknowledged a ->
          HttpResponse.<BreakGlassView>status(HttpStatus.CREATED)
              .header("Cache-Control", "no-store")
              .body(
                  review.queue().stream()
                      .filter(i -> i.breakGlass().sequence() == sequence)
                      .map(this::view)
                      .findFirst()
                      .orElseThrow());
      case BreakGlassReview.NotABreakGlass n ->
          throw new ProblemException(
              HttpStatus.NOT_FOUND,
              "BREAK_GLASS_NOT_FOUND",
              "Not found",
              "Audit entry " + sequence + " is not a break-glass declaration");
      case BreakGlassReview.AlreadyAcknowledged a ->
          throw new ProblemException(
              HttpStatus.CONFLICT,
              "BREAK_GLASS_ALREADY_ACKNOWLEDGED",
              "Conflict",
              "Break-glass "
                  + sequence
                  + " was acknowledged by audit entry "
                  + a.entry().sequence()
                  + " at "
                  + a.entry().time());
    };
  }

  private GatewaySession igOfficer(@Nullable String authorization, String what) {
    GatewaySession session = sessions.require(authorization);
    sessions.requireRole(session, Role.IG_OFFICER, what);
    return session;
  }

  private static String status(BreakGlassReview.Item item) {
    return item.acknowledgement().isPresent() ? "acknowledged" : "open";
  }

  private BreakGlassView view(BreakGlassReview.Item item) {
    AuditEntry e = item.breakGlass();
    Map<String, @Nullable Object> details = details(e);
    Optional<Acknowledgement> acknowledgement =
        item.acknowledgement()
            .map(
                a ->
                    new Acknowledgement(
                        a.sequence(),
                        a.time(),
                        a.userId().orElse(null),
                        a.userName().orElse(null),
                        string(details(a), "note")));
    return new BreakGlassView(
        e.sequence(),
        e.time(),
        status(item),
        e.userId().orElse(null),
        e.userName().orElse(null),
        e.role().orElse(null),
        e.organisation().orElse(null),
        e.patient().orElse(null),
        string(details, "reason"),
        string(details, "detail"),
        string(details, "expiresAt"),
        acknowledgement.orElse(null));
  }

  private Map<String, @Nullable Object> details(AuditEntry e) {
    try {
      return json.readValue(e.details(), Argument.mapOf(String.class, Object.class));
    } catch (IOException ex) {
      return Map.of();
    }
  }

  private static @Nullable String string(Map<String, @Nullable Object> details, String key) {
    Object value = details.get(key);
    return value == null ? null : value.toString();
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
      @Nullable Acknowledgement acknowledgement) {}

  /** Who reviewed a break-glass, when, and what they noted; {@code sequence} is its own entry. */
  @Serdeable
  public record Acknowledgement(
      long sequence,
      Instant time,
      @Nullable String userId,
      @Nullable String userName,
      @Nullable String note) {}
}
