package org.carelens.adapters.mentalhealth.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses XML from a source without trusting it: a DOCTYPE is refused outright, so no external
 * entity, external DTD or entity expansion ("billion laughs") can be used against the gateway
 * (OWASP XML External Entity Prevention Cheat Sheet, "JAXP DocumentBuilderFactory"). Thread-safe:
 * the factory is configured once and a builder is made per parse.
 */
public final class SafeXml {

  private static final DocumentBuilderFactory FACTORY = hardenedFactory();

  private SafeXml() {}

  /**
   * Parses {@code body} as a namespace-aware DOM. Parser messages can quote the document, so only
   * the position of the fault is reported.
   */
  public static Document parse(byte[] body) throws MalformedSummaryException {
    if (body.length == 0) {
      throw new MalformedSummaryException("HTTP 200 with an empty body, where XML was expected");
    }
    try {
      DocumentBuilder builder = FACTORY.newDocumentBuilder();
      builder.setErrorHandler(SILENT);
      // No resolver may ever be consulted: a DOCTYPE is already a fatal error.
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
          });
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXParseException e) {
      String why =
          String.valueOf(e.getMessage()).contains("DOCTYPE")
              ? "it declares a DOCTYPE, which is refused (no DTDs or external entities)"
              : "line %d, column %d".formatted(e.getLineNumber(), e.getColumnNumber());
      throw new MalformedSummaryException(
          "response body is not well-formed XML (%d bytes; %s)".formatted(body.length, why));
    } catch (SAXException | IOException e) {
      throw new MalformedSummaryException(
          "response body is not readable XML (%d bytes; %s)"
              .formatted(body.length, e.getClass().getSimpleName()));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    try {
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be configured securely", e);
    }
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(true);
    factory.setValidating(false);
    return factory;
  }

  /** Errors are thrown, not printed to stderr (the default handler prints them). */
  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXException {
          throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
          throw exception;
        }
      };
}
