package org.carelens.adapters.mentalhealth.internal;

import java.util.Optional;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Turns an error response ({@code <Error><Code>..</Code><Message>..</Message></Error>}) into an
 * outcome. Only the code is reported: the message is free text that may name the client.
 */
public final class ErrorResponses {

  private ErrorResponses() {}

  public static SourceOutcome interpret(int status, byte[] body) {
    String code = errorCode(body).orElse("");
    if (status == 404 && code.equals("CLIENT_NOT_FOUND")) {
      return new SourceOutcome.NoRecord(
          "the mental health trust holds no record for this NHS number (CLIENT_NOT_FOUND)");
    }
    if (status == 403 && code.equals("SHARING_REFUSED")) {
      return new SourceOutcome.WithheldBySource(
          "SHARING_REFUSED",
          "the client has asked the mental health trust not to share their record"
              + " (SHARING_REFUSED)");
    }
    if (status == 401) {
      return new SourceOutcome.Failed(
          Kind.SOURCE_ERROR,
          "HTTP 401 from the mental health trust: the API key was refused; check the configured key");
    }
    return new SourceOutcome.Failed(
        Kind.SOURCE_ERROR,
        code.isEmpty()
            ? "HTTP %d from the mental health trust, without an error code".formatted(status)
            : "HTTP %d %s from the mental health trust".formatted(status, code));
  }

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
