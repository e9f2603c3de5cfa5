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
import org.carelens.gateway.fanout.FanoutEngine;
import org.carelens.gateway.problem.ProblemException;
import org.carelens.sdk.model.Section;
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

  DocumentController(RecordAccess access, RecordService records, FanoutEngine fanout) {
    this.access = access;
    this.records = records;
    this.fanout = fanout;
  }

  @Get("/{nhsNumber}/documents/{sourceId}/{documentId}")
  @ExecuteOn(TaskExecutors.BLOCKING)
  public HttpResponse<byte[]> document(
      @PathVariable String nhsNumber,
      @PathVariable String sourceId,
      @PathVariable String documentId,
      @Header("Authorization") @Nullable String authorization) {
    RecordAccess.Granted granted = access.check(authorization, nhsNumber);
    if (!records.permitted(granted.viewer(), Section.DOCUMENTS)) {
      throw ProblemException.forbidden(
          "SECTION_NOT_PERMITTED", "This role may not see the documents section");
    }
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
    DocumentRequest request =
        new DocumentRequest(
            granted.patient(), documentId, RecordService.requestContext(granted.viewer()));
    Duration limit = fanout.timeLimit(sourceId).orElse(Duration.ofSeconds(3));
    DocumentOutcome outcome = fetch(adapter, request, limit);
    return switch (outcome) {
      case DocumentOutcome.Content content ->
          HttpResponse.ok(content.bytes())
              .contentType(content.contentType())
              .header("Cache-Control", "no-store")
              .header("X-Content-Type-Options", "nosniff");
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
