/**
 * Wiring between Jetty, Vaadin and Micronaut that nothing outside this module uses: the Vaadin
 * servlet, the app shell (Lumo theme) and the instantiator that lets views take Micronaut beans.
 */
@NullMarked
package org.carelens.portal.internal;

import org.jspecify.annotations.NullMarked;
