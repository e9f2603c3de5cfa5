/**
 * Information governance: the IG officer's access to the audit trail — search, chain verification,
 * the patient access report ("who viewed this record") and the review queues of break-glass
 * declarations and self-claimed relationships. Only sessions in the {@code ig-officer} role get in,
 * and every use is itself audited.
 */
@NullMarked
package org.carelens.gateway.ig;

import org.jspecify.annotations.NullMarked;
