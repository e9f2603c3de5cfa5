package org.carelens.portal.record;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.time.LocalDate;
import java.util.List;
import org.carelens.portal.gateway.PatientContact;
import org.carelens.portal.gateway.PatientView;
import org.jspecify.annotations.Nullable;

/**
 * The CUI patient banner: full width and fixed to the top, name first, then {@code Born}, {@code
 * Gender} and {@code NHS No.} (labels without colons), and the allergy title. Each part has a
 * stable id.
 */
final class PatientBanner extends Header {

  PatientBanner(PatientView patient, AllergyTitle allergyTitle, LocalDate today) {
    this(patient, allergyTitle, false, today);
  }

  /**
   * @param allergiesMayBeIncomplete a source could not read all of its allergies: a "Known
   *     allergies" title then says the list may be incomplete (issue 9)
   */
  PatientBanner(
      PatientView patient,
      AllergyTitle allergyTitle,
      boolean allergiesMayBeIncomplete,
      LocalDate today) {
    setId("patient-banner");
    getElement().setAttribute("aria-label", "Patient banner");
    addClassNames(
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.Padding.Horizontal.LARGE,
        LumoUtility.Padding.Vertical.SMALL,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.AlignItems.BASELINE,
        LumoUtility.Gap.Column.XLARGE,
        LumoUtility.Gap.Row.XSMALL,
        LumoUtility.BoxShadow.XSMALL);
    // CUI: the banner stays in view while the record scrolls beneath it.
    getStyle()
        .set("position", "sticky")
        .set("top", "0")
        .set("z-index", "10")
        .set("box-sizing", "border-box")
        .set("width", "100%")
        .set("background-color", "var(--lumo-base-color)")
        .set("border-bottom", "2px solid var(--lumo-contrast-50pct)");

    H1 name = new H1(patient.nameIfKnown().map(CuiFormat::patientName).orElse("Name not known"));
    name.setId("banner-name");
    name.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.Margin.NONE);
    add(name);

    String born =
        patient
            .birthDateIfKnown()
            .map(
                birth ->
                    patient.deceasedDateIfKnown().isPresent() || birth.isAfter(today)
                        ? CuiFormat.date(birth)
                        : CuiFormat.date(birth) + " (" + CuiFormat.age(birth, today) + ")")
            .orElse("Not known");
    add(field("banner-born", "Born", born));
    patient
        .deceasedDateIfKnown()
        .ifPresent(date -> add(field("banner-deceased", "Deceased", CuiFormat.date(date))));
    add(field("banner-gender", "Gender", genderWords(patient.gender())));
    add(field("banner-nhs-number", "NHS No.", CuiFormat.nhsNumber(patient.nhsNumber())));

    Span allergies = new Span(allergyTitle.text());
    allergies.setId("banner-allergy-title");
    allergies.addClassNames(
        LumoUtility.FontWeight.SEMIBOLD,
        LumoUtility.Padding.Horizontal.SMALL,
        LumoUtility.BorderRadius.SMALL);
    switch (allergyTitle) {
      case KNOWN ->
          allergies.addClassNames(LumoUtility.Background.ERROR_10, LumoUtility.TextColor.ERROR);
      case UNAVAILABLE ->
          allergies.addClassNames(LumoUtility.Background.WARNING_10, LumoUtility.TextColor.BODY);
      default -> allergies.addClassNames(LumoUtility.Background.CONTRAST_10);
    }
    add(allergies);
    if (allergiesMayBeIncomplete && allergyTitle == AllergyTitle.KNOWN) {
      Span incomplete = new Span(ALLERGIES_MAY_BE_INCOMPLETE);
      incomplete.setId("banner-allergy-incomplete");
      incomplete.addClassNames(
          LumoUtility.FontWeight.SEMIBOLD,
          LumoUtility.Padding.Horizontal.SMALL,
          LumoUtility.BorderRadius.SMALL,
          LumoUtility.Background.WARNING_10,
          LumoUtility.TextColor.BODY);
      add(incomplete);
    }
    add(moreDetails(patient, today));
  }

  /**
   * CUI: the banner expands to show the address, phone and registered GP practice, and the spine's
   * contacts (its emergency contact). A restricted (S-flag) patient's are never sent; the banner
   * says why they are absent rather than "not known".
   */
  static NativeDetails moreDetails(PatientView patient, LocalDate today) {
    Div body = new Div();
    body.setId("banner-details");
    body.addClassNames(
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.Gap.Column.XLARGE,
        LumoUtility.Padding.Vertical.XSMALL);
    if (patient.restricted()) {
      Span restricted = new Span(Contacts.RESTRICTED);
      restricted.setId("banner-restricted");
      restricted.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
      body.add(restricted);
    } else {
      body.add(
          field("banner-address", "Address", orNotKnown(patient.address())),
          field("banner-phone", "Phone", orNotKnown(patient.telephone())),
          field("banner-gp", "Registered GP", orNotKnown(patient.registeredPractice())));
      List<PatientContact> contacts = Contacts.ordered(patient, today);
      if (contacts.isEmpty()) {
        body.add(field("banner-contact-0", "Next of kin or emergency contact", "Not known"));
      }
      for (int i = 0; i < contacts.size(); i++) {
        PatientContact c = contacts.get(i);
        body.add(
            field(
                "banner-contact-" + i,
                Contacts.relationship(c.relationship()),
                Contacts.value(c, today)));
      }
    }
    NativeDetails details = new NativeDetails("Address, phone, GP and contacts", body);
    details.setId("banner-more");
    details.addClassNames(LumoUtility.FontSize.SMALL);
    return details;
  }

  private static String orNotKnown(@Nullable String value) {
    return value == null || value.isBlank() ? "Not known" : value.strip();
  }

  static final String ALLERGIES_MAY_BE_INCOMPLETE = "List may be incomplete";

  private static Component field(String id, String label, String value) {
    Span labelText = new Span(label);
    labelText.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Span valueText = new Span(value);
    valueText.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Div field = new Div(labelText, new Text(" "), valueText);
    field.setId(id);
    return field;
  }

  static String genderWords(@Nullable String gender) {
    if (gender == null || gender.isBlank()) {
      return "Not known";
    }
    return switch (gender) {
      case "female" -> "Female";
      case "male" -> "Male";
      case "other" -> "Other";
      case "unknown" -> "Unknown";
      default -> CuiFormat.capitalised(gender);
    };
  }
}
