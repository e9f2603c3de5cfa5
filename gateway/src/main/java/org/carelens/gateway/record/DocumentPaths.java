package org.carelens.gateway.record;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.carelens.sdk.model.NhsNumber;

/** Where a document's content is fetched: one place, so the view and the endpoint agree. */
final class DocumentPaths {

  private DocumentPaths() {}

  static String contentUrl(NhsNumber nhsNumber, String sourceId, String documentId) {
    return "/api/v1/patients/%s/documents/%s/%s"
        .formatted(
            nhsNumber.value(),
            sourceId,
            URLEncoder.encode(documentId, StandardCharsets.UTF_8).replace("+", "%20"));
  }
}
