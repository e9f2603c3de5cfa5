package org.carelens.portal.internal;

import com.vaadin.flow.server.VaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/**
 * The Vaadin servlet for every path the launch servlet does not own. Async support is required by
 * Vaadin's request handling on Jetty 12.
 */
@WebServlet(urlPatterns = "/*", name = "carelens-portal", asyncSupported = true)
public class PortalVaadinServlet extends VaadinServlet {}
