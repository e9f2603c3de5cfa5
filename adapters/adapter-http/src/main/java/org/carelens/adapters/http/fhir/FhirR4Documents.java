package org.carelens.adapters.http.fhir;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Optional;
import org.carelens.adapters.http.DocumentReplies;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.adapters.http.SafeMessages;
import org.carelens.adapters.http.SourceHttpClient;
import org.carelens.adapters.http.TraceHeaders;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.DocumentReference;

/**
 * Document content on demand ({@code SourceAdapter.fetchDocument}) for FHIR R4 sources that list
 * documents as DocumentReferences: the id a document item carries, and the content its attachment
 * URL serves, read only from the source's own server (a URL elsewhere would send the request, and
 * with it the patient's context, to a host nobody configured).
 */
public final class FhirR4Documents {

  private static final String PREFIX = "DocumentReference/";

  private FhirR4Documents() {}

  /**
   * The FHIR id of a document item's {@code sourceItemId} ({@code DocumentReference/{id}} or the
   * bare id); empty when it is not a FHIR id, so it can never reshape the query it goes into.
   */
  public static Optional<String> id(String documentId) {
    String id = documentId.startsWith(PREFIX) ? documentId.substring(PREFIX.length()) : documentId;
    return id.matches("[A-Za-z0-9\\-.]{1,64}") ? Optional.of(id) : Optional.empty();
  }

  /**
   * Reads the content of {@code document}'s first attachment with a URL.
   *
   * @param base the source's FHIR base: relative URLs resolve against it, and absolute ones must be
   *     on its server
   * @param what names the document in details, e.g. {@code "the care plan"}
   */
  public static DocumentOutcome content(
      SourceHttpClient.Batch batch,
      URI base,
      DocumentReference document,
      RequestContext context,
      String what)
      throws InterruptedException {
    Optional<String> url =
        document.getContent().stream()
            .map(DocumentReference.DocumentReferenceContentComponent::getAttachment)
            .filter(Attachment::hasUrl)
            .map(Attachment::getUrl)
            .findFirst();
    if (url.isEmpty()) {
      return new DocumentOutcome.NotFound(what + " has no content URL");
    }
    URI content;
    try {
      content = SafeMessages.resolve(base, url.get());
    } catch (IllegalArgumentException e) {
      return new DocumentOutcome.Failed(
          Kind.MALFORMED_PAYLOAD, what + "'s content URL is not a URL");
    }
    if (!SafeMessages.sameServer(content, base)) {
      return new DocumentOutcome.NotSupported(
          "%s is held on another server (%s)".formatted(what, content.getHost()));
    }
    try {
      return DocumentReplies.content(
          batch.send(
              TraceHeaders.apply(HttpRequest.newBuilder(content), context)
                  .header("Accept", "*/*")
                  .GET(),
              what),
          what);
    } catch (ExchangeFailedException e) {
      return DocumentReplies.failed(e.outcome());
    }
  }
}
