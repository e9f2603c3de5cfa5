package org.carelens.portal.record;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.AllergyEntry;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.ItemSource;

/**
 * Allergies and intolerances across sources. The empty state repeats the section's explicit state
 * ("No known allergies", "Allergies not recorded", ...), so an empty grid never implies safety it
 * was not told.
 */
final class AllergiesPanel extends Section {

  AllergiesPanel(Optional<AllergySection> section) {
    setId("allergies");
    getElement().setAttribute("aria-labelledby", "allergies-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 heading = new H2("Allergies");
    heading.setId("allergies-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    add(heading);

    if (section.isEmpty()) {
      add(
          Notices.error(
              "allergies-missing",
              "Allergies unavailable",
              "The gateway's answer did not include an allergies section."));
    } else if (section.get().withheld()) {
      add(
          Notices.info(
              "allergies-notice",
              section
                  .get()
                  .noticeIfAny()
                  .orElse("Items excluded due to confidentiality and/or patient preferences")));
    }

    Grid<AllergyEntry> grid = new Grid<>();
    grid.setId("allergies-grid");
    grid.setAriaLabel("Allergies");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    grid.addColumn(a -> a.concept().display())
        .setHeader("Allergy")
        .setKey("allergy")
        .setRowHeader(true)
        .setFlexGrow(3);
    grid.addColumn(a -> String.join(", ", a.reactions())).setHeader("Reaction").setFlexGrow(2);
    grid.addColumn(a -> a.severity() == null ? "" : CuiFormat.capitalised(a.severity()))
        .setHeader("Severity");
    grid.addColumn(a -> a.onsetDate() == null ? "" : CuiFormat.date(a.onsetDate()))
        .setHeader("Onset");
    grid.addColumn(a -> CuiFormat.capitalised(a.status())).setHeader("Status");
    grid.addColumn(a -> sourceNames(a)).setHeader("Source").setFlexGrow(2);
    grid.addColumn(ConflictMarker.<AllergyEntry>renderer(AllergyEntry::conflict))
        .setHeader("Conflict")
        .setKey("conflict");
    grid.setEmptyStateText(AllergyTitle.of(section).text());
    section.ifPresent(s -> grid.setItems(s.items()));
    add(grid);
  }

  private static String sourceNames(AllergyEntry entry) {
    return entry.sources().stream().map(ItemSource::name).collect(Collectors.joining(", "));
  }
}
