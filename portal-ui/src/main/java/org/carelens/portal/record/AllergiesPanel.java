package org.carelens.portal.record;

import com.vaadin.flow.component.grid.Grid;
import java.util.Optional;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.AllergySection;

/**
 * Allergies and intolerances across sources. The empty state repeats the section's explicit state
 * ("No known allergies", "Allergies not recorded", ...), so an empty grid never implies safety it
 * was not told.
 */
final class AllergiesPanel extends SectionPanel<AllergyEntry> {

  AllergiesPanel(Optional<AllergySection> section) {
    super(
        SectionKind.ALLERGIES,
        section,
        AllergyTitle.of(section).text(),
        AllergiesPanel::columns,
        items -> items);
  }

  private static void columns(Grid<AllergyEntry> grid) {
    grid.addColumn(a -> a.concept().display())
        .setHeader("Allergy")
        .setKey("allergy")
        .setRowHeader(true)
        .setFlexGrow(3);
    grid.addColumn(a -> String.join(", ", a.reactions())).setHeader("Reaction").setFlexGrow(2);
    grid.addColumn(a -> ItemWords.status(a.severity())).setHeader("Severity");
    grid.addColumn(a -> ItemWords.date(a.onsetDate())).setHeader("Onset");
    grid.addColumn(a -> ItemWords.status(a.status())).setHeader("Status");
  }
}
