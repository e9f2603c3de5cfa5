/** Tests of the gateway's operational endpoints and the wider record API surface. */
@NullMarked
package org.carelens.gateway.ops;

import org.jspecify.annotations.NullMarked;
