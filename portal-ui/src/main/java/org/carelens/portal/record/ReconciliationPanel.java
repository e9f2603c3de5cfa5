package org.carelens.portal.record;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.ItemSource;
import org.carelens.portal.gateway.MedicationEntry;
import org.carelens.portal.gateway.MedicationSection;
import org.carelens.portal.gateway.ResultEntry;

/**
 * The pharmacist's medicines reconciliation (issue 13): one row per medicine, one column per source
 * with what that source holds ({@link Reconciliation}: the GP's type, dose and last issue, the
 * pharmacy's last dispensing and quantity, the hospital's start, stop and dose), differences marked
 * in words ("≠ … (differs)") as well as shaded, filters (current and last 12 months by default,
 * current, stopped, all), the allergies beside the list, and renal and liver function with their
 * trends beneath. Ids: {@code reconciliation}, {@code reconciliation-filter}, {@code
 * reconciliation-table} (rows {@code data-conflict}), {@code reconciliation-allergies}, {@code
 * reconciliation-renal}.
 */
final class ReconciliationPanel extends Section {

  private final List<MedicationEntry> medicines;
  private final LocalDate today;
  private final Div tableHolder = new Div();
  private final Paragraph count = new Paragraph();

  ReconciliationPanel(
      Optional<MedicationSection> medications,
      Optional<AllergySection> allergies,
      List<ResultEntry> results,
      LocalDate today) {
    this.medicines = medications.map(MedicationSection::items).orElse(List.of());
    this.today = today;
    setId("reconciliation");
    getElement().setAttribute("aria-labelledby", "reconciliation-heading");
    addClassNames(LumoUtility.Padding.Horizontal.LARGE, LumoUtility.Padding.Vertical.SMALL);
    H2 heading = new H2("Medicines reconciliation");
    heading.setId("reconciliation-heading");
    heading.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.Margin.Vertical.SMALL);
    add(heading);
    if (medications.isEmpty()
        || medications.get().withheld()
        || !medications.get().incomplete().isEmpty()) {
      add(
          Notices.info(
              "reconciliation-note",
              "The medicines below may not be complete: see the medications section for what was"
                  + " withheld or could not be read."));
    }

    RadioButtonGroup<Reconciliation.Filter> filter = new RadioButtonGroup<>("Show");
    filter.setId("reconciliation-filter");
    filter.setItems(Reconciliation.Filter.values());
    filter.setItemLabelGenerator(Reconciliation.Filter::words);
    filter.setValue(Reconciliation.Filter.RECENT);
    filter.addValueChangeListener(e -> show(e.getValue()));
    count.setId("reconciliation-count");
    count.getElement().setAttribute("role", "status");
    count.addClassNames(LumoUtility.Margin.Vertical.XSMALL, LumoUtility.TextColor.SECONDARY);

    tableHolder.getStyle().set("overflow-x", "auto").set("flex", "3 1 40rem").set("min-width", "0");
    Section side = allergies(allergies);
    side.getStyle().set("flex", "1 1 14rem");
    Div body = new Div(tableHolder, side);
    body.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.LARGE);
    add(filter, count, body);
    show(Reconciliation.Filter.RECENT);

    List<ResultEntry> renal = results.stream().filter(ResultGroups::renalOrHepatic).toList();
    TrendsPanel trends =
        new TrendsPanel("reconciliation-renal", "Renal and liver function", ResultTrends.of(renal));
    trends.removeClassNames(LumoUtility.Padding.Horizontal.LARGE);
    add(trends);
  }

  private void show(Reconciliation.Filter filter) {
    List<MedicationEntry> rows = Reconciliation.rows(medicines, filter, today);
    List<ItemSource> sources = Reconciliation.sources(medicines);
    List<String> headers = new ArrayList<>(List.of("Medicine"));
    sources.forEach(s -> headers.add(s.name()));
    headers.add("Sources agree?");
    HtmlTable table =
        new HtmlTable(
            "reconciliation-table",
            "One row per medicine, one column per source: " + filter.words().toLowerCase(),
            headers);
    for (MedicationEntry m : rows) {
      Element row = table.row();
      row.setAttribute("data-conflict", Boolean.toString(m.conflict()));
      HtmlTable.cell(row, m.concept().display());
      // Each source's column holds that source's own values: the GP's type, dose and last issue,
      // the pharmacy's last dispensing and quantity, the hospital's start, stop and dose.
      for (ItemSource source : sources) {
        Optional<List<Reconciliation.Value>> values = Reconciliation.values(m, source.id());
        Div cell = new Div();
        if (values.isEmpty()) {
          cell.setText("Not held");
          cell.addClassNames(LumoUtility.TextColor.SECONDARY);
        } else if (values.get().isEmpty()) {
          cell.setText(Reconciliation.HELD_WITHOUT_DIFFERENCES);
        } else {
          for (Reconciliation.Value v : values.get()) {
            Div line = new Div(Reconciliation.words(v));
            if (v.differs()) {
              line.addClassNames(LumoUtility.FontWeight.BOLD, LumoUtility.Background.WARNING_10);
            }
            cell.add(line);
          }
        }
        Element td = HtmlTable.cell(row, cell);
        td.setAttribute("data-source", source.id());
      }
      HtmlTable.cell(row, m.conflict() ? ConflictMarker.TEXT : "Yes");
    }
    tableHolder.removeAll();
    tableHolder.getElement().appendChild(table.element());
    long conflicts = rows.stream().filter(MedicationEntry::conflict).count();
    count.setText(
        rows.size()
            + (rows.size() == 1 ? " medicine" : " medicines")
            + " ("
            + filter.words().toLowerCase()
            + ")"
            + (conflicts == 0 ? "" : "; sources disagree on " + conflicts));
  }

  private static Section allergies(Optional<AllergySection> section) {
    Section side = new Section();
    side.setId("reconciliation-allergies");
    side.getElement().setAttribute("aria-labelledby", "reconciliation-allergies-heading");
    H3 title = new H3(AllergyTitle.of(section).text());
    title.setId("reconciliation-allergies-heading");
    title.addClassNames(LumoUtility.FontSize.MEDIUM, LumoUtility.Margin.Vertical.XSMALL);
    side.add(title);
    UnorderedList list = new UnorderedList();
    section.map(AllergySection::items).orElse(List.of()).stream()
        .map(a -> new ListItem(Summary.allergyLine(a) + " — " + ItemWords.sources(a)))
        .forEach(list::add);
    side.add(list);
    section
        .filter(s -> !s.incomplete().isEmpty())
        .ifPresent(s -> side.add(new Paragraph("⚠ " + PatientBanner.ALLERGIES_MAY_BE_INCOMPLETE)));
    side.addClassNames(
        LumoUtility.Padding.SMALL,
        LumoUtility.BorderRadius.MEDIUM,
        LumoUtility.Background.CONTRAST_5);
    return side;
  }
}
