package org.carelens.portal.signin;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.micronaut.context.annotation.Prototype;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.portal.gateway.GatewayClient;
import org.carelens.portal.gateway.GatewayException;
import org.carelens.portal.gateway.PatientSearchResult;
import org.carelens.portal.launch.CurrentLaunch;
import org.carelens.portal.launch.LaunchSession;
import org.carelens.portal.record.CuiFormat;
import org.carelens.portal.record.OpenAnotherPatient;

/**
 * The patient search a signed-in user lands on (issue 11): an NHS number box (grouped 3-3-4 as it
 * is typed, Modulus 11 checked before anything is sent) and a "search by details" form (family name
 * and date of birth at least, as the spine requires). Results are CUI-style rows; opening one asks
 * for the relationship reason (the same claim dialog as "Open another patient"), and only once the
 * gateway accepts the claim does the record open. Plain labelled inputs and buttons, so it is
 * operable by keyboard alone; Enter in either form searches.
 */
@Route("search")
@PageTitle("Find a patient — Carelens")
@Prototype
public class SearchView extends Main implements BeforeEnterObserver {

  private final GatewayClient gateway;
  private final Div results = new Div();
  private final Div message = new Div();

  public SearchView(GatewayClient gateway) {
    this.gateway = gateway;
    setId("search");
    addClassNames(LumoUtility.Padding.LARGE, LumoUtility.MaxWidth.SCREEN_MEDIUM);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    Optional<LaunchSession> launch = CurrentLaunch.get();
    if (launch.isEmpty()) {
      add(
          new H1("Find a patient"),
          new Paragraph("You are not signed in."),
          new Anchor("/login", "Sign in"));
      return;
    }
    show(launch.get());
  }

  private void show(LaunchSession launch) {
    H1 title = new H1("Find a patient");
    Paragraph who =
        new Paragraph(
            "Signed in as %s, %s, %s."
                .formatted(launch.userName(), launch.userRole(), launch.organisationName()));
    who.setId("signed-in-user");
    Button signOut =
        new Button(
            "Sign out", click -> getUI().ifPresent(ui -> ui.getPage().setLocation("/logout")));
    signOut.setId("sign-out");
    signOut.addThemeVariants(ButtonVariant.TERTIARY);
    Paragraph rule =
        new Paragraph(
            "Search only for a patient you are caring for now. Every search is recorded, and"
                + " opening a record asks why you are caring for the patient.");

    message.setId("search-message");
    message.getElement().setAttribute("role", "alert");
    message.addClassNames(LumoUtility.TextColor.ERROR);
    results.setId("search-results");
    results.getElement().setAttribute("aria-live", "polite");

    add(title, who, signOut, rule, byNhsNumber(launch), byDetails(launch), message, results);
  }

  private Section byNhsNumber(LaunchSession launch) {
    TextField nhsNumber = new TextField("NHS number");
    nhsNumber.setId("search-nhs-number");
    nhsNumber.setPlaceholder("999 000 0018");
    // Grouped 3-3-4 in the browser as each digit is typed (a server round trip per key would race
    // the typing and lose digits); the server formats again what it receives, e.g. a paste.
    nhsNumber
        .getElement()
        .executeJs(
            "const field = this;"
                + "field.addEventListener('input', () => {"
                + "  const d = (field.value || '').replace(/\\D/g, '').slice(0, 10);"
                + "  const f = [d.slice(0, 3), d.slice(3, 6), d.slice(6)]"
                + "      .filter(p => p.length).join(' ');"
                + "  if (f !== field.value) { field.value = f; }"
                + "});");
    nhsNumber.setValueChangeMode(ValueChangeMode.ON_CHANGE);
    nhsNumber.addValueChangeListener(
        change -> {
          String formatted = NhsNumberInput.format(change.getValue());
          if (!formatted.equals(change.getValue())) {
            nhsNumber.setValue(formatted);
          }
          nhsNumber.setInvalid(false);
        });
    Button search =
        new Button(
            "Search by NHS number",
            click -> {
              Optional<String> problem = NhsNumberInput.problem(nhsNumber.getValue());
              if (problem.isPresent()) {
                nhsNumber.setErrorMessage(problem.get());
                nhsNumber.setInvalid(true);
                showError(problem.get());
                return;
              }
              Map<String, String> criteria = new LinkedHashMap<>();
              criteria.put("nhsNumber", NhsNumberInput.valid(nhsNumber.getValue()).orElseThrow());
              run(launch, criteria);
            });
    search.setId("search-nhs-number-button");
    search.addThemeVariants(ButtonVariant.PRIMARY);
    search.addClickShortcut(Key.ENTER).listenOn(nhsNumber);
    Section section = new Section(new H2("By NHS number"), nhsNumber, search);
    section.setId("search-by-nhs-number");
    return section;
  }

  private Section byDetails(LaunchSession launch) {
    TextField family = new TextField("Family name");
    family.setId("search-family");
    TextField given = new TextField("Given name");
    given.setId("search-given");
    TextField birthDate = new TextField("Date of birth (yyyy-mm-dd)");
    birthDate.setId("search-birth-date");
    birthDate.setPlaceholder("1950-03-12");
    Select<String> gender = new Select<>();
    gender.setLabel("Gender");
    gender.setId("search-gender");
    gender.setItems("", "female", "male", "other", "unknown");
    gender.setItemLabelGenerator(g -> g.isEmpty() ? "Any" : CuiFormat.capitalised(g));
    gender.setValue("");
    TextField postcode = new TextField("Postcode");
    postcode.setId("search-postcode");
    Button search =
        new Button(
            "Search by details",
            click -> {
              if (family.getValue().isBlank() || birthDate.getValue().isBlank()) {
                showError("Enter at least the family name and the date of birth.");
                return;
              }
              try {
                LocalDate.parse(birthDate.getValue().strip());
              } catch (DateTimeParseException e) {
                showError("Enter the date of birth as year-month-day, like 1950-03-12.");
                return;
              }
              Map<String, String> criteria = new LinkedHashMap<>();
              criteria.put("family", family.getValue());
              criteria.put("given", given.getValue());
              criteria.put("birthdate", birthDate.getValue());
              criteria.put("gender", gender.getValue() == null ? "" : gender.getValue());
              criteria.put("postcode", postcode.getValue());
              run(launch, criteria);
            });
    search.setId("search-details-button");
    search.addClickShortcut(Key.ENTER).listenOn(family, given, birthDate, postcode);
    Section section =
        new Section(
            new H2("Search by details"), family, given, birthDate, gender, postcode, search);
    section.setId("search-by-details");
    return section;
  }

  private void run(LaunchSession launch, Map<String, String> criteria) {
    message.setText("");
    results.removeAll();
    PatientSearchResult found;
    try {
      found = gateway.searchPatients(launch.accessToken(), criteria);
    } catch (GatewayException e) {
      showError(e.detail() + " (" + e.code() + ")");
      return;
    }
    if (found.matches().isEmpty()) {
      Paragraph none = new Paragraph("No patient matches these details.");
      none.setId("search-no-match");
      results.add(none);
      return;
    }
    UnorderedList rows = new UnorderedList();
    rows.setId("search-result-list");
    rows.addClassNames(LumoUtility.ListStyleType.NONE, LumoUtility.Padding.NONE);
    for (PatientSearchResult.Match match : found.matches()) {
      rows.add(row(launch, match));
    }
    results.add(
        new Paragraph(
            found.matches().size() == 1
                ? "1 patient found"
                : found.matches().size() + " patients found"),
        rows);
  }

  /** A CUI-style patient row: name, born, gender, NHS No., postcode (or none), open. */
  private ListItem row(LaunchSession launch, PatientSearchResult.Match match) {
    ListItem item = new ListItem();
    item.addClassNames("search-result", LumoUtility.Padding.SMALL, LumoUtility.Border.BOTTOM);
    item.getElement().setAttribute("data-nhs-number", match.nhsNumber());
    Span name = new Span(match.name());
    name.addClassNames(LumoUtility.FontWeight.BOLD, "result-name");
    Span born = new Span("Born " + CuiFormat.date(match.birthDate()));
    Span gender = new Span("Gender " + CuiFormat.capitalised(match.gender()));
    Span nhs = new Span("NHS No. " + CuiFormat.nhsNumber(match.nhsNumber()));
    nhs.addClassName("result-nhs-number");
    Span address =
        new Span(
            match.restricted()
                ? "Address not shown (restricted record)"
                : match.postcode() == null ? "No postcode held" : match.postcode());
    address.addClassName("result-address");
    List<Span> parts = new java.util.ArrayList<>(List.of(name, born, gender, nhs, address));
    if (match.deceased()) {
      Span deceased = new Span("Deceased");
      deceased.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.BOLD);
      parts.add(deceased);
    }
    parts.forEach(p -> p.addClassNames(LumoUtility.Margin.Right.MEDIUM));
    Button open =
        new Button(
            "Open record",
            click -> OpenAnotherPatient.dialogFor(gateway, launch, match.nhsNumber()).open());
    open.getElement()
        .setAttribute(
            "aria-label",
            "Open record of "
                + match.name()
                + ", NHS No. "
                + CuiFormat.nhsNumber(match.nhsNumber()));
    open.addClassName("result-open");
    open.addThemeVariants(ButtonVariant.SMALL);
    parts.forEach(item::add);
    item.add(open);
    return item;
  }

  private void showError(String text) {
    message.setText(text);
  }
}
