/**
 * Asks every source at once: a virtual thread per source, circuit breaker, time limit and cache per
 * source, one deadline per view.
 */
@NullMarked
package org.carelens.gateway.fanout;

import org.jspecify.annotations.NullMarked;
