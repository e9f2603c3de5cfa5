/**
 * The clinical safety hazard log ({@code docs/safety/hazard-log.md}) kept honest by the build:
 * every test it names as evidence for a control must exist, and every entry must be complete.
 */
@NullMarked
package org.carelens.gateway.safety;

import org.jspecify.annotations.NullMarked;
