package org.carelens.tck;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.SourceAdapter;

/**
 * What the conformance kit needs to know about one adapter and its wire format. An adapter module
 * implements this once (in its tests) and names it in its suite class; see {@link AdapterTck}.
 *
 * <p>The kit owns the WireMock server and resets it before every check; the provider only adds
 * stubs. Every stub must match on the patient's NHS number where the wire format carries it, so
 * that two patients can be served at once (the concurrency check relies on it).
 */
public interface AdapterTckProvider {

  /**
   * A new adapter that reaches its source at {@link TckSource#baseUrl()} and honours the source's
   * time and size limits. The kit closes it after each check.
   */
  SourceAdapter create(TckSource source);

  /**
   * Makes the source answer with a complete, valid record for the patient: at least one coded item
   * in a section the adapter offers (or, for an identity-only source, the patient's identity).
   * Records for different patients must map to different values (e.g. item ids carrying the NHS
   * number), so that the concurrency check can tell a crossed answer.
   */
  void stubRecord(WireMockServer source, NhsNumber patient);

  /** Makes the source answer, in its own way, that it holds no record for the patient. */
  void stubNoRecord(WireMockServer source, NhsNumber patient);

  /**
   * Makes the call that returns the patient's data answer with {@code response}, whatever it is (a
   * malformed body, a fault, a delay). Calls the adapter makes first (an OAuth token, a lookup)
   * must still answer normally, so that the failure lands on the data itself.
   */
  void stubDataResponse(
      WireMockServer source, NhsNumber patient, ResponseDefinitionBuilder response);

  /** The body of a complete, valid data response for the patient, as {@link #stubRecord} serves. */
  String validPayload(NhsNumber patient);

  /** The media type of {@link #validPayload}, e.g. {@code application/fhir+json}. */
  String contentType();

  /**
   * A well-formed payload of the wrong type for the data call, e.g. a FHIR Patient where a Bundle
   * is expected, or an XML document with a different root element.
   */
  String wronglyTypedPayload(NhsNumber patient);

  /**
   * Makes the source answer with a record in which exactly one listed item of one section cannot be
   * read (a dangling reference, a malformed item or an item of an unexpected type) while at least
   * one other item of the same section can. Calls the adapter makes first answer normally.
   *
   * <p>Identity-only sources ({@link #returnsClinicalItems()} {@code false}) are not asked.
   *
   * @return the section holding the unreadable item
   */
  default Section stubOneUnreadableItem(WireMockServer source, NhsNumber patient) {
    throw new UnsupportedOperationException(
        "an adapter that returns clinical items must show the kit one unreadable item among"
            + " readable ones (AdapterTckProvider.stubOneUnreadableItem)");
  }

  /**
   * Makes the source answer with a record in which one section the adapter offers cannot be read at
   * all (missing where the wire format requires it, or malformed as a whole) while the rest of the
   * record can. Calls the adapter makes first answer normally.
   *
   * <p>Identity-only sources ({@link #returnsClinicalItems()} {@code false}) are not asked.
   *
   * @return the section that cannot be read
   */
  default Section stubUnreadableSection(WireMockServer source, NhsNumber patient) {
    throw new UnsupportedOperationException(
        "an adapter that returns clinical items must show the kit a section it cannot read"
            + " (AdapterTckProvider.stubUnreadableSection)");
  }

  /**
   * Whether a loaded record carries clinical items. {@code false} for identity-only sources (the
   * demographics spine), whose loaded records must carry the patient's identity instead.
   */
  default boolean returnsClinicalItems() {
    return true;
  }

  /**
   * What a 404 without the source's own error code (a bare "Not Found" page) means: {@code true}
   * when the source's API answers an unknown patient that way (the adapter reports {@code
   * NoRecord}), {@code false} when such a 404 can only be a wrong endpoint (the adapter reports an
   * error, so a misconfigured URL never looks like a patient without a record).
   */
  default boolean bareNotFoundIsNoRecord() {
    return false;
  }

  /**
   * Whether the adapter is built on {@code adapter-http}; the kit then checks that it sends HTTP
   * only through the toolkit's client. Third-party adapters on another HTTP stack answer {@code
   * false}.
   */
  default boolean usesHttpToolkit() {
    return true;
  }
}
