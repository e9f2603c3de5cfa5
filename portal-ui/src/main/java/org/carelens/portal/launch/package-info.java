/**
 * In-context launch: the clinical system posts a signed launch token, the portal exchanges it with
 * the gateway for a session bound to one user and one patient, and keeps that session in the
 * browser's HTTP session.
 */
@NullMarked
package org.carelens.portal.launch;

import org.jspecify.annotations.NullMarked;
