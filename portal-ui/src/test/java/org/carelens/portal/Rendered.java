package org.carelens.portal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.nodefeature.VirtualChildrenList;
import java.util.Optional;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Reads a server-side component tree the way a browser would show it, by element id. */
public final class Rendered {

  private Rendered() {}

  public static Optional<Element> byId(Component root, String id) {
    return all(root.getElement()).filter(e -> id.equals(e.getAttribute("id"))).findFirst();
  }

  public static String text(Component root, String id) {
    return byId(root, id)
        .map(Element::getTextRecursively)
        .orElseThrow(() -> new AssertionError("no element with id " + id));
  }

  /**
   * The element and all its descendant elements, including virtual children such as a dialog's
   * footer; text nodes are left out.
   */
  public static Stream<Element> all(Element element) {
    Stream<Element> children = element.getChildren().filter(child -> !child.isTextNode());
    Stream<Element> virtual =
        element.getNode().hasFeature(VirtualChildrenList.class)
            ? StreamSupport.stream(
                    Spliterators.spliteratorUnknownSize(
                        element.getNode().getFeature(VirtualChildrenList.class).iterator(), 0),
                    false)
                .map(Element::get)
            : Stream.empty();
    return Stream.concat(
        Stream.of(element), Stream.concat(children, virtual).flatMap(Rendered::all));
  }
}
