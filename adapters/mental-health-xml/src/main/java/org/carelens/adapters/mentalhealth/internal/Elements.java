package org.carelens.adapters.mentalhealth.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Small readers over DOM elements, by local name so that the supplier's namespace (or a fixture
 * without one) does not matter. Values are trimmed; blank counts as absent.
 */
final class Elements {

  private Elements() {}

  static List<Element> children(Element parent, String localName) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(name(e))) {
        found.add(e);
      }
    }
    return found;
  }

  /** Every child element, whatever its name, in document order. */
  static List<Element> children(Element parent) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        found.add(e);
      }
    }
    return found;
  }

  static Optional<Element> child(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  static Optional<String> text(Element parent, String localName) {
    return child(parent, localName)
        .map(Element::getTextContent)
        .map(String::strip)
        .filter(s -> !s.isEmpty());
  }

  static Optional<String> attribute(Element element, String name) {
    String value = element.getAttribute(name).strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  static String required(Element element, String attribute) throws BadItemException {
    return attribute(element, attribute)
        .orElseThrow(
            () ->
                new BadItemException(
                    "a %s has no '%s' attribute".formatted(name(element), attribute)));
  }

  static Optional<LocalDate> date(Element element, String attribute) throws BadItemException {
    Optional<String> value = attribute(element, attribute);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.get()));
    } catch (DateTimeParseException e) {
      throw new BadItemException(
          "a %s has a '%s' that is not a date (yyyy-mm-dd)".formatted(name(element), attribute));
    }
  }

  static String name(Element element) {
    return element.getLocalName() == null ? element.getTagName() : element.getLocalName();
  }
}
