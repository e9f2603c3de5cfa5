package org.carelens.portal.record;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads a server-side component tree the way a browser would show it, by element id. */
final class Rendered {

  private Rendered() {}

  static Optional<Element> byId(Component root, String id) {
    return all(root.getElement()).filter(e -> id.equals(e.getAttribute("id"))).findFirst();
  }

  static String text(Component root, String id) {
    return byId(root, id)
        .map(Element::getTextRecursively)
        .orElseThrow(() -> new AssertionError("no element with id " + id));
  }

  /** The element and all its descendant elements; text nodes are left out. */
  static Stream<Element> all(Element element) {
    return Stream.concat(
        Stream.of(element),
        element.getChildren().filter(child -> !child.isTextNode()).flatMap(Rendered::all));
  }
}
