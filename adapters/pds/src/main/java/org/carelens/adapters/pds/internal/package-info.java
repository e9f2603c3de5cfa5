/** PDS adapter internals: HTTP body limits, transport failure classes and the Patient mapping. */
@NullMarked
package org.carelens.adapters.pds.internal;

import org.jspecify.annotations.NullMarked;
