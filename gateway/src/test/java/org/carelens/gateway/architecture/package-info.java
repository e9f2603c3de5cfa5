/**
 * Fixtures for the architecture rules: controllers that exist only so a rule can be shown to fail.
 * They are never beans (they require an environment no context has).
 */
@NullMarked
package org.carelens.gateway.architecture;

import org.jspecify.annotations.NullMarked;
