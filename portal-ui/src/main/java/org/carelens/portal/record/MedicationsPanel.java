package org.carelens.portal.record;

import com.vaadin.flow.component.grid.Grid;
import java.util.Optional;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;

/**
 * Medication lines across sources, following the CUI medication line: name, dose, quantity,
 * prescription type, status and dates, current medication first. Every source that holds a line is
 * listed, so a pharmacist reconciling medicines sees where each one came from.
 */
final class MedicationsPanel extends SectionPanel<MedicationEntry> {

  MedicationsPanel(Optional<MedicationSection> section) {
    super(
        SectionKind.MEDICATIONS,
        section,
        "No medication was returned by the sources that loaded. Check the sources above.",
        MedicationsPanel::columns,
        MedicationLines::ordered);
  }

  private static void columns(Grid<MedicationEntry> grid) {
    grid.addColumn(m -> m.concept().display())
        .setHeader("Medication")
        .setKey("medication")
        .setRowHeader(true)
        .setFlexGrow(3);
    grid.addColumn(m -> ItemWords.text(m.dosageText())).setHeader("Dose").setFlexGrow(2);
    grid.addColumn(m -> ItemWords.text(m.quantityText())).setHeader("Quantity");
    grid.addColumn(m -> MedicationLines.typeWords(m.prescriptionType())).setHeader("Type");
    grid.addColumn(MedicationLines::statusWords).setHeader("Status");
    grid.addColumn(m -> ItemWords.date(m.lastIssued())).setHeader("Last issued");
    grid.addColumn(m -> ItemWords.date(m.startDate())).setHeader("Start");
    grid.addColumn(m -> ItemWords.date(m.endDate())).setHeader("End");
  }
}
