package org.carelens.portal.launch;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * Where a browser lands when its portal session has ended: after {@link
 * PortalSessions#IDLE_TIMEOUT} without use (the gateway's own idle timeout), or when the gateway
 * answered that its session had ended. Nothing of the record stays on screen; the way back is a new
 * launch.
 */
@Route("session-ended")
@PageTitle("Your session has ended — Carelens")
public class SessionEndedView extends Main {

  static final String HEADLINE = "Your session has ended";

  public SessionEndedView() {
    setId("session-ended");
    addClassNames(LumoUtility.Padding.LARGE, LumoUtility.MaxWidth.SCREEN_MEDIUM);
    H1 title = new H1(HEADLINE);
    title.addClassNames(LumoUtility.FontSize.XXLARGE);
    Paragraph why =
        new Paragraph(
            "To protect patients' privacy, Carelens closes a record after 15 minutes without use,"
                + " or when your session with the shared care record ends.");
    Paragraph next =
        new Paragraph(
            "To see the record again, open the patient in your clinical system and launch Carelens"
                + " from there.");
    next.setId("session-ended-next");
    add(title, why, next);
  }
}
