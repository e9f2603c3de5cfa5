/** Pharmacy adapter internals: HTTP limits, failure classes and the dispensing mapping. */
@NullMarked
package org.carelens.adapters.pharmacy.internal;

import org.jspecify.annotations.NullMarked;
