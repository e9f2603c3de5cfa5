package org.carelens.gateway.record;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.gateway.audit.AuditEvent;
import org.carelens.gateway.audit.AuditEventType;
import org.carelens.gateway.audit.AuditOutcome;
import org.carelens.gateway.audit.AuditTrail;
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.limits.RateLimit;
import org.carelens.gateway.limits.RateLimited;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.policy.Decision;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.SourceAdapter;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/patients/{nhsNumber}/documents/{sourceId}/{documentId}}: one document's
 * content, fetched from its source when the viewer opens it (PRODUCT.md: documents are fetched on
 * demand, never with the record view). The same session, patient and role checks as the record; the
 * source's own time limit bounds the wait.
 */
@Controller("/api/v1/patients")
public class DocumentController {

  private final RecordAccess access;
  private final RecordService records;
  private final FanoutEngine fanout;
  private final AuditTrail audit;

  DocumentController(
      RecordAccess access, RecordService records, FanoutEngine fanout, AuditTrail audit) {
    this.access = access;
    this.records = records;
    this.fanout = fanout;
    this.audit = audit;
  }

  @Get("/{nhsNumber}/documents/{sourceId}/{documentId}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  @RateLimited(RateLimit.VIEWS)
  public HttpResponse<byte[]> document(
      @PathVariable String nhsNumber,
      @PathVariable String sourceId,
      @PathVariable String documentId,
      @Header("Authorization") @Nullable String authorization) {
    RecordAccess.Granted granted = access.check(authorization, nhsNumber);
    SourceAdapter adapter =
        fanout
            .adapter(sourceId)
            .orElseThrow(
                () ->
                    new ProblemException(
                        HttpStatus.NOT_FOUND,
                        "UNKNOWN_SOURCE",
                        "Not found",
                        "No source '%s' is configured".formatted(sourceId)));
    // The same consent and access policy as the view, decided now: a document is opened only if
    // this viewer's view would list it (PRODUCT.md principle 2).
    Decision decision =
        records.documentAccess(granted.viewer(), granted.patient(), sourceId, documentId);
    if (decision instanceof Decision.Withhold w) {
      audit.appendRefusal(
          AuditEvent.builder(AuditEventType.POLICY_DENIAL, AuditOutcome.REFUSED)
              .launch(granted.viewer())
              .patient(granted.patient())
              .reason(w.reasonCode())
              .detail("function", "document content")
              .detail("source", sourceId)
              .detail("rule", w.ruleId())
              .detail("reason", w.reason())
              .build());
      throw switch (w.reasonCode()) {
        case "DOCUMENT_NOT_IN_VIEW" ->
            new ProblemException(
                HttpStatus.NOT_FOUND,
                "DOCUMENT_NOT_FOUND",
                "Not found",
                "No document '%s' at source '%s' for this viewer".formatted(documentId, sourceId));
        case "DOCUMENTS_NOT_OFFERED" ->
            new ProblemException(
                HttpStatus.NOT_IMPLEMENTED,
                "DOCUMENT_CONTENT_NOT_SUPPORTED",
                "Not implemented",
                "Source '%s' does not serve documents".formatted(sourceId));
        case "ROLE_NOT_PERMITTED", "SECTION_NOT_SHARED" ->
            ProblemException.forbidden(
                "SECTION_NOT_PERMITTED",
                "This viewer may not see the documents section of source '%s'".formatted(sourceId));
        // Consent: the source's reason class, as the record's sources[] shows it; never content.
        default ->
            ProblemException.forbidden(
                w.reasonCode(), Decision.WITHHELD_NOTICE + " (" + w.reasonCode() + ")");
      };
    }
    DocumentRequest request =
        new DocumentRequest(
            granted.patient(), documentId, RecordService.requestContext(granted.viewer()));
    Duration limit = fanout.timeLimit(sourceId).orElse(Duration.ofSeconds(3));
    DocumentOutcome outcome = fetch(adapter, request, limit);
    return switch (outcome) {
      case DocumentOutcome.Content content -> {
        // PRODUCT.md principle 4: audit before display. append() returns only once committed and
        // throws (503 AUDIT_UNAVAILABLE, nothing shown) when it cannot be written.
        audit.append(
            AuditEvent.builder(AuditEventType.DOCUMENT_VIEW, AuditOutcome.SUCCESS)
                .launch(granted.viewer())
                .patient(granted.patient())
                .detail("source", sourceId)
                .detail("document", documentId)
                .detail("contentType", content.contentType())
                .build());
        yield HttpResponse.ok(content.bytes())
            .contentType(content.contentType())
            .header("Cache-Control", "no-store")
            .header("X-Content-Type-Options", "nosniff");
      }
      case DocumentOutcome.NotFound notFound ->
          throw new ProblemException(
              HttpStatus.NOT_FOUND, "DOCUMENT_NOT_FOUND", "Not found", notFound.detail());
      case DocumentOutcome.NotSupported notSupported ->
          throw new ProblemException(
              HttpStatus.NOT_IMPLEMENTED,
              "DOCUMENT_CONTENT_NOT_SUPPORTED",
              "Not implemented",
              notSupported.detail());
      case DocumentOutcome.WithheldBySource withheld ->
          throw new ProblemException(
              HttpStatus.FORBIDDEN,
              "WITHHELD_BY_SOURCE",
              "Forbidden",
              "The source withheld this document (" + withheld.reasonCode() + ")");
      case DocumentOutcome.Failed failed ->
          throw new ProblemException(
              HttpStatus.BAD_GATEWAY, "SOURCE_FAILED", "Bad gateway", failed.detail());
    };
  }

  private static DocumentOutcome fetch(
      SourceAdapter adapter, DocumentRequest request, Duration limit) {
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<DocumentOutcome> running = executor.submit(() -> adapter.fetchDocument(request));
      try {
        return running.get(limit.toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        running.cancel(true);
        throw new ProblemException(
            HttpStatus.GATEWAY_TIMEOUT,
            "SOURCE_TIMEOUT",
            "Gateway timeout",
            "The source did not answer within " + limit.toMillis() + " ms");
      } catch (InterruptedException e) {
        running.cancel(true);
        Thread.currentThread().interrupt();
        throw new ProblemException(
            HttpStatus.SERVICE_UNAVAILABLE, "CANCELLED", "Cancelled", "The request was cancelled");
      } catch (ExecutionException e) {
        throw new ProblemException(
            HttpStatus.BAD_GATEWAY,
            "SOURCE_FAILED",
            "Bad gateway",
            "The adapter failed unexpectedly ("
                + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName()
                + ")");
      }
    }
  }
}
