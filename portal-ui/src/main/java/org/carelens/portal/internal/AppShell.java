package org.carelens.portal.internal;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
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
  }
}
