/**
 * The information-governance officer's pages: search the audit trail, verify its hash chain, work
 * through the review queues (break-glass declarations and self-claimed relationships, one {@link
 * org.carelens.portal.ig.ReviewQueueSection} each) and produce a patient's access report, all
 * through the gateway's IG API. Reached after an IG officer's launch; no other role sees them.
 */
@NullMarked
package org.carelens.portal.ig;

import org.jspecify.annotations.NullMarked;
