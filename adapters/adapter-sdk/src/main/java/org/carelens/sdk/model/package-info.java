/**
 * The canonical record model: patient identity and the clinical sections every adapter maps its
 * source's wire format into. Immutable values that validate eagerly; every clinical item carries
 * its provenance, coded concept and sensitivity labels.
 */
@NullMarked
package org.carelens.sdk.model;

import org.jspecify.annotations.NullMarked;
