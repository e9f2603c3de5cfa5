package org.carelens.portal.record;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The patient banner's place while the record loads: the NHS number the launch was for (known
 * before any source answers) and, in words, that identity and allergies are not known yet. It never
 * shows an allergy status: "no known allergies" must not be inferred from sources not yet heard.
 */
final class BannerSkeleton extends Header {

  static final String ALLERGIES_LOADING = "Allergies: loading…";

  BannerSkeleton(String nhsNumber) {
    setId("banner-skeleton");
    getElement().setAttribute("aria-label", "Patient banner (loading)");
    getElement().setAttribute("aria-busy", "true");
    addClassNames(
        LumoUtility.Background.CONTRAST_5,
        LumoUtility.Padding.Horizontal.LARGE,
        LumoUtility.Padding.Vertical.SMALL,
        LumoUtility.Display.FLEX,
        LumoUtility.FlexWrap.WRAP,
        LumoUtility.AlignItems.BASELINE,
        LumoUtility.Gap.Column.XLARGE,
        LumoUtility.Gap.Row.XSMALL);
    getStyle()
        .set("position", "sticky")
        .set("top", "0")
        .set("z-index", "10")
        .set("box-sizing", "border-box")
        .set("width", "100%")
        .set("border-bottom", "2px solid var(--lumo-contrast-20pct)");

    Span name = new Span("Loading patient details…");
    name.addClassNames(
        LumoUtility.FontSize.XLARGE,
        LumoUtility.FontWeight.SEMIBOLD,
        LumoUtility.TextColor.SECONDARY);
    Span label = new Span("NHS No. ");
    label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
    Span number = new Span(CuiFormat.nhsNumber(nhsNumber));
    number.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
    Div nhs = new Div(label, number);
    nhs.setId("banner-skeleton-nhs-number");
    Span allergies = new Span(ALLERGIES_LOADING);
    allergies.setId("banner-skeleton-allergies");
    allergies.addClassNames(
        LumoUtility.Background.WARNING_10,
        LumoUtility.Padding.Horizontal.SMALL,
        LumoUtility.BorderRadius.SMALL);
    add(name, nhs, allergies);
  }
}
