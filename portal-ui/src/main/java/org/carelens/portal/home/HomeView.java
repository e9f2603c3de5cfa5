package org.carelens.portal.home;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The root page: the two ways in. Most users open Carelens from their clinical system with the
 * patient already chosen (an in-context launch, which establishes the relationship); users who are
 * not launched (a pharmacist checking a prescription, a social worker, an IG officer) sign in with
 * NHS CIS2 and search, and every patient they open asks why they are caring for them.
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
    Paragraph signIn =
        new Paragraph("Not working from a clinical system? Sign in with your NHS Care Identity: ");
    Anchor login = new Anchor("/login", "Sign in");
    login.setId("sign-in");
    // A plain link: /login is a servlet, not a Vaadin route, so the browser must load it.
    login.getElement().setAttribute("router-ignore", true);
    signIn.add(login);
    Paragraph dev = new Paragraph("In the development setup, the simulated clinical system is at ");
    dev.add(new Anchor(LAUNCHER_URL, LAUNCHER_URL));
    dev.add(".");
    dev.addClassNames(LumoUtility.TextColor.SECONDARY);
    add(title, what, how, signIn, dev);
  }
}
