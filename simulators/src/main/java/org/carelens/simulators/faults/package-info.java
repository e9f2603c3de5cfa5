/**
 * Fault profiles for the simulated sources, switched at runtime through the launcher's admin API
 * ({@code GET /api/sources}, {@code PUT /api/sources/{id}/fault}): normal, slow, flaky, down,
 * hanging, garbage and huge. They act on any simulator's {@code WireMockServer}, so every source
 * gets them without code of its own.
 */
@NullMarked
package org.carelens.simulators.faults;

import org.jspecify.annotations.NullMarked;
