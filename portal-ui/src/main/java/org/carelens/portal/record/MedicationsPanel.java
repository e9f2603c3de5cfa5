package org.carelens.portal.record;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;
import org.jspecify.annotations.Nullable;

/**
 * Medication lines across sources, following the CUI medication line: name, dose, quantity,
 * prescription type, status and dates, current medication first.
 */
final class MedicationsPanel extends Section {

  MedicationsPanel(Optional<MedicationSection> section) {
    setId("medications");
    getElement().setAttribute("aria-labelledby", "medications-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 heading = new H2("Medications");
    heading.setId("medications-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    add(heading);

    if (section.isEmpty()) {
      add(
          Notices.error(
              "medications-missing",
              "Medications unavailable",
              "The gateway's answer did not include a medications section."));
    } else if (section.get().withheld()) {
      add(
          Notices.info(
              "medications-notice",
              section
                  .get()
                  .noticeIfAny()
                  .orElse("Items excluded due to confidentiality and/or patient preferences")));
    }

    Grid<MedicationEntry> grid = new Grid<>();
    grid.setId("medications-grid");
    grid.setAriaLabel("Medications");
    grid.setAllRowsVisible(true);
    grid.addThemeVariants(GridVariant.WRAP_CELL_CONTENT, GridVariant.ROW_STRIPES);
    grid.addColumn(m -> m.concept().display())
        .setHeader("Medication")
        .setKey("medication")
        .setRowHeader(true)
        .setFlexGrow(3);
    grid.addColumn(m -> text(m.dosageText())).setHeader("Dose").setFlexGrow(2);
    grid.addColumn(m -> text(m.quantityText())).setHeader("Quantity");
    grid.addColumn(m -> MedicationLines.typeWords(m.prescriptionType())).setHeader("Type");
    grid.addColumn(MedicationLines::statusWords).setHeader("Status");
    grid.addColumn(m -> date(m.lastIssued())).setHeader("Last issued");
    grid.addColumn(m -> date(m.startDate())).setHeader("Start");
    grid.addColumn(MedicationsPanel::sourceNames).setHeader("Source").setFlexGrow(2);
    grid.addColumn(ConflictMarker.<MedicationEntry>renderer(MedicationEntry::conflict))
        .setHeader("Conflict")
        .setKey("conflict");
    grid.setEmptyStateText(
        section.map(s -> s.withheld()).orElse(true)
            ? "Medications unavailable"
            : "No medication was returned by the sources that loaded. Check the sources above.");
    section.ifPresent(s -> grid.setItems(MedicationLines.ordered(s.items())));
    add(grid);
  }

  private static String text(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static String date(@Nullable LocalDate value) {
    return value == null ? "" : CuiFormat.date(value);
  }

  private static String sourceNames(MedicationEntry entry) {
    return entry.sources().stream().map(ItemSource::name).collect(Collectors.joining(", "));
  }
}
