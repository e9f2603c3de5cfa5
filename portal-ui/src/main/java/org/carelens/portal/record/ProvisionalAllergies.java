package org.carelens.portal.record;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * Allergies as each source sent them while others are still answering (issue 4: the GP's allergies
 * while the hospital is still answering). Labelled provisional: not merged, not checked for
 * conflicts, and replaced by the allergies panel once the whole view arrives.
 */
final class ProvisionalAllergies extends Section {

  static final String HEADING = "Allergies received so far (provisional)";
  static final String NOTE =
      "Not yet merged or checked for conflicts. Sources still loading may hold more.";

  ProvisionalAllergies(List<SourceProgress.ProvisionalAllergy> allergies) {
    setId("provisional-allergies");
    getElement().setAttribute("aria-labelledby", "provisional-allergies-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE);
    setVisible(!allergies.isEmpty());
    H2 heading = new H2(HEADING);
    heading.setId("provisional-allergies-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    Paragraph note = new Paragraph(NOTE);
    note.addClassNames(
        LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
    UnorderedList list = new UnorderedList();
    for (SourceProgress.ProvisionalAllergy allergy : allergies) {
      String status =
          "ACTIVE".equals(allergy.status())
              ? ""
              : " (" + allergy.status().toLowerCase(java.util.Locale.ROOT) + ")";
      ListItem item = new ListItem(allergy.display() + status + " — " + allergy.sourceName());
      item.getElement().setAttribute("data-source", allergy.sourceId());
      list.add(item);
    }
    add(heading, note, list);
  }
}
