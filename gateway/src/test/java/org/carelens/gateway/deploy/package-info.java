/**
 * Tests of the deployment package (issue 15): the Kubernetes manifests render and fit the gateway.
 */
@NullMarked
package org.carelens.gateway.deploy;

import org.jspecify.annotations.NullMarked;
