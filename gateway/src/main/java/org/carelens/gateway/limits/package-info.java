/**
 * Abuse limits (issue 10): per-user and per-client-address rate limits on launching, relationship
 * claims, break-glass, record views and search, and how a request's client address is decided. A
 * request over a limit is answered {@code 429 RATE_LIMITED} with {@code Retry-After} before any
 * work (or audit write) is done for it. Limits are fixed-window counters in the shared database
 * (issue 15), so they hold across every gateway replica.
 *
 * <p>Also per-user daily caps on self-claimed relationships and break-glass ({@code DailyCap}),
 * counted from the gateway database rather than process memory, so they hold across restarts and
 * every gateway instance on the database.
 */
@NullMarked
package org.carelens.gateway.limits;

import org.jspecify.annotations.NullMarked;
