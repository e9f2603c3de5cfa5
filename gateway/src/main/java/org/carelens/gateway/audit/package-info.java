/**
 * The audit trail (PRODUCT.md principle 4, issue 6): append-only, hash-chained entries carrying GP
 * Connect's minimum audit fields plus client device, correlation id and non-clinical details.
 * {@link org.carelens.gateway.audit.AuditTrail#append} returns only once the entry is committed, so
 * callers can audit before they display; {@link org.carelens.gateway.audit.ChainVerifier} reports
 * the first broken link. Nothing here updates or deletes an entry.
 */
@NullMarked
package org.carelens.gateway.audit;

import org.jspecify.annotations.NullMarked;
