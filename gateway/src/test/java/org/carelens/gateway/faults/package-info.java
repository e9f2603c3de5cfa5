/** The gateway against faulty sources over real HTTP: one fault at a time, others healthy. */
@NullMarked
package org.carelens.gateway.faults;

import org.jspecify.annotations.NullMarked;
