/** Benchmarks run by hand (a {@code main}), not as timed unit tests. */
@NullMarked
package org.carelens.gateway.bench;

import org.jspecify.annotations.NullMarked;
