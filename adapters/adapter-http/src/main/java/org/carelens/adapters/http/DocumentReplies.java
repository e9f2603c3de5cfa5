package org.carelens.adapters.http;

import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.SourceOutcome;

/** Document fetches ({@code SourceAdapter.fetchDocument}) in the same terms as record fetches. */
public final class DocumentReplies {

  private DocumentReplies() {}

  /**
   * The content a document's URL answered: 404 and 410 mean the source no longer holds it; any
   * other status but 200 is an error.
   *
   * @param what names the document in details, e.g. {@code "the care plan"}
   */
  public static DocumentOutcome content(HttpReply reply, String what) {
    if (reply.status() == 404 || reply.status() == 410) {
      return new DocumentOutcome.NotFound(
          "the source no longer holds %s's content (HTTP %d)".formatted(what, reply.status()));
    }
    if (!reply.ok()) {
      return new DocumentOutcome.Failed(
          SourceOutcome.Failed.Kind.SOURCE_ERROR,
          "HTTP %d when reading %s's content".formatted(reply.status(), what));
    }
    return new DocumentOutcome.Content(
        reply.header("Content-Type").orElse("application/octet-stream"), reply.body());
  }

  /** A record-fetch failure as a document-fetch failure. */
  public static DocumentOutcome.Failed failed(SourceOutcome.Failed failed) {
    return new DocumentOutcome.Failed(failed.kind(), failed.detail());
  }
}
