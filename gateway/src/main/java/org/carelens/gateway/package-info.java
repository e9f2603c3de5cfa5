/** The Carelens gateway: a Micronaut service between the portal and the source adapters. */
@NullMarked
package org.carelens.gateway;

import org.jspecify.annotations.NullMarked;
