/**
 * The information-governance officer's pages: search the audit trail, verify its hash chain and
 * produce a patient's access report, all through the gateway's IG API. Reached after an IG
 * officer's launch; no other role sees them.
 */
@NullMarked
package org.carelens.portal.ig;

import org.jspecify.annotations.NullMarked;
