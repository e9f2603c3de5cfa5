/**
 * Health: the gateway's view of each source's resilience state (circuit, bulkhead), read without
 * calling any source.
 */
@NullMarked
package org.carelens.gateway.health;

import org.jspecify.annotations.NullMarked;
