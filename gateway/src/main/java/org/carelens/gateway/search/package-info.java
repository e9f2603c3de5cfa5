/**
 * Patient search for users who signed in rather than being launched for a patient (issue 11): by
 * NHS number, or by a demographic trace on the spine through the demographics adapter. Every search
 * is rate-limited per user and audited with its criteria, names and postcodes masked.
 */
@NullMarked
package org.carelens.gateway.search;

import org.jspecify.annotations.NullMarked;
