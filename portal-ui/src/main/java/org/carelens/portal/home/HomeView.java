package org.carelens.portal.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The root page. Carelens has no patient search here: a record opens only through an in-context
 * launch, which is how the legitimate relationship with the patient is established.
 */
@Route("")
@PageTitle("Carelens — shared care record")
public class HomeView extends Main {

  /** Where the simulated clinical system of the development setup runs. */
  static final String LAUNCHER_URL = "http://localhost:8090/";

  public HomeView() {
    setId("home");
    addClassNames(LumoUtility.Padding.LARGE, LumoUtility.MaxWidth.SCREEN_MEDIUM);
    H1 title = new H1("Carelens — shared care record");
    title.addClassNames(LumoUtility.FontSize.XXLARGE);
    Paragraph what =
        new Paragraph(
            "Carelens shows one patient's shared care record from every organisation involved in"
                + " their care: GP practice, hospital, mental health and social care.");
    Paragraph how =
        new Paragraph(
            "Carelens opens from your clinical system with the patient already chosen. Open the"
                + " patient's record there and choose Carelens.");
    how.setId("launch-hint");
    Paragraph dev = new Paragraph("In the development setup, the simulated clinical system is at ");
    dev.add(new Anchor(LAUNCHER_URL, LAUNCHER_URL));
    dev.add(".");
    dev.addClassNames(LumoUtility.TextColor.SECONDARY);
    add(title, what, how, dev);
  }
}
