package org.carelens.portal.internal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Inline;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Page-level settings. Vaadin 25 ships without a theme applied; Lumo and its utility classes are
 * plain stylesheets served from the Lumo jar, so no frontend bundle has to be built for them. Push
 * is on so the record view can show each source as it answers (websocket, set up by {@code
 * PortalServer}).
 */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet(Lumo.UTILITY_STYLESHEET)
@Push
public class AppShell implements AppShellConfigurator {

  @Override
  public void configurePage(AppShellSettings settings) {
    // Patient records must never end up in a search index.
    settings.addMetaTag("robots", "noindex, nofollow");
    // The patient banner is sticky (CUI): anything scrolled to, by an anchor link or by moving
    // keyboard focus, must land below it, never under it (WCAG 2.2, 2.4.11 Focus Not Obscured).
    settings.addInlineWithContents(
        "html { scroll-padding-top: " + BANNER_CLEARANCE + "; }", Inline.Wrapping.STYLESHEET);
  }

  /** Room kept above a scrolled-to element for the sticky banner, even when it wraps or expands. */
  static final String BANNER_CLEARANCE = "12rem";
}
