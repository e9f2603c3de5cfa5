/**
 * The adapter SPI: {@link org.carelens.sdk.spi.SourceAdapter} and the values that cross it. This is
 * the whole contract between the gateway and a source; it holds no framework or library types.
 */
@NullMarked
package org.carelens.sdk.spi;

import org.jspecify.annotations.NullMarked;
