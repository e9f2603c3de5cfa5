package org.carelens.adapters.mentalhealth.internal;

import java.util.Optional;
import org.carelens.adapters.http.StatusMapping;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads an error response ({@code <Error><Code>..</Code><Message>..</Message></Error>}) into an
 * outcome through {@link #STATUS}. Only the code is reported: the message is free text that may
 * name the client.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  /** The trust's status codes as outcomes. */
  public static final StatusMapping STATUS =
      StatusMapping.of("the mental health trust", ErrorResponses::errorCode)
          .notFoundIsNoRecord(
              "CLIENT_NOT_FOUND",
              "the mental health trust holds no record for this NHS number (CLIENT_NOT_FOUND)")
          .forbiddenIsWithheld(
              "SHARING_REFUSED",
              "the client has asked the mental health trust not to share their record"
                  + " (SHARING_REFUSED)")
          .credentials("API key");

  /** The error code, if the body is the trust's XML error document. */
  static Optional<String> errorCode(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    Document document;
    try {
      document = SafeXml.parse(body);
    } catch (MalformedSummaryException notXml) {
      // An error page from a proxy: the status alone is reported.
      return Optional.empty();
    }
    Element root = document.getDocumentElement();
    if (!"Error".equals(Elements.name(root))) {
      return Optional.empty();
    }
    // Codes are upper-case identifiers; anything else is not echoed into an operator message.
    return Elements.text(root, "Code").filter(c -> c.matches("[A-Z][A-Z0-9_]{0,63}"));
  }
}
