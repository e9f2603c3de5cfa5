/**
 * How pointers become record items: the plan types and their SNOMED CT codes ({@link
 * org.carelens.adapters.careplans.internal.PlanType}), the two searches ({@link
 * org.carelens.adapters.careplans.internal.PointerSearch}) and the tolerant reading and mapping of
 * their answers ({@link org.carelens.adapters.careplans.internal.PointerReader}, {@link
 * org.carelens.adapters.careplans.internal.PlanMapper}). Nothing outside this module uses it.
 */
@NullMarked
package org.carelens.adapters.careplans.internal;

import org.jspecify.annotations.NullMarked;
