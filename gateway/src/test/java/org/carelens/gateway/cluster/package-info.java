/**
 * Tests of the gateway as several replicas on one database (issue 15): sessions that move between
 * replicas, cache purges that reach every replica, readiness and draining.
 */
@NullMarked
package org.carelens.gateway.cluster;

import org.jspecify.annotations.NullMarked;
