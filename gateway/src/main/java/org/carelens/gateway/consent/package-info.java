/**
 * The consent register and its API: the central dissent register (IG officers register and revoke
 * dissent, whole record or per source, with history kept), permission to view recorded at the point
 * of care, and break-glass declarations. {@link org.carelens.gateway.consent.ConsentState} reads
 * them at the moment of every view and turns them into the policy's typed inputs.
 */
@NullMarked
package org.carelens.gateway.consent;

import org.jspecify.annotations.NullMarked;
