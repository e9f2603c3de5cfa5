package org.carelens.sdk.spi;

import java.util.Objects;
import org.carelens.sdk.model.NhsNumber;

/**
 * A request for one document's content, made when a viewer opens it (never as part of the record
 * view).
 *
 * @param nhsNumber the patient the document must belong to; an adapter answers {@link
 *     DocumentOutcome.NotFound} for a document of another patient
 * @param documentId the document's {@code sourceItemId}, as the adapter gave it in the record's
 *     documents section
 */
public record DocumentRequest(NhsNumber nhsNumber, String documentId, RequestContext context) {

  public DocumentRequest {
    Objects.requireNonNull(nhsNumber, "nhsNumber");
    Objects.requireNonNull(documentId, "documentId");
    Objects.requireNonNull(context, "context");
    if (documentId.isBlank()) {
      throw new IllegalArgumentException("documentId must not be blank");
    }
  }
}
