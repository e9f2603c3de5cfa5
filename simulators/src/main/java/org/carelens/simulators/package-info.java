/**
 * Simulated source systems and a simulated launching clinical system, with a seeded synthetic
 * population. Start them all with {@link org.carelens.simulators.SimulatorsMain}.
 */
@NullMarked
package org.carelens.simulators;

import org.jspecify.annotations.NullMarked;
