/**
 * The gateway as one of several replicas on one database (issue 15): cache purges announced to
 * every replica through PostgreSQL {@code LISTEN}/{@code NOTIFY}, readiness for a load balancer,
 * and draining on shutdown. Carelens builds no clustering of its own: replicas share only the
 * database, and a load balancer (HAProxy, a Kubernetes Service) spreads requests over them.
 */
@NullMarked
package org.carelens.gateway.cluster;

import org.jspecify.annotations.NullMarked;
