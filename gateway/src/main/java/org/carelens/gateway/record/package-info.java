/** The record API: decides, fans out, merges, filters by policy and answers. */
@NullMarked
package org.carelens.gateway.record;

import org.jspecify.annotations.NullMarked;
