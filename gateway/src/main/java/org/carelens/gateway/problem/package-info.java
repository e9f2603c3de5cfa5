/** Errors as RFC 9457 problem details (application/problem+json) with stable codes. */
@NullMarked
package org.carelens.gateway.problem;

import org.jspecify.annotations.NullMarked;
