/** The gateway's self-description: the OpenAPI document generated at build time. */
@NullMarked
package org.carelens.gateway.api;

import org.jspecify.annotations.NullMarked;
