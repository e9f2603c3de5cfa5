/**
 * Micrometer meters for the gateway: per-source latency, outcomes, circuit state, bulkhead
 * saturation and cache use, and view latency, exported in Prometheus format at {@code /prometheus}.
 * Tags carry source ids and statuses only, never patient data.
 */
@NullMarked
package org.carelens.gateway.metrics;

import org.jspecify.annotations.NullMarked;
