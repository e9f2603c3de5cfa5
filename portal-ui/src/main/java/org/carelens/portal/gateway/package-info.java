/**
 * The portal's only way to clinical data: a client for the Carelens gateway's HTTP API and the
 * records that mirror its JSON. Nothing here stores what it reads; a record view lives for one page
 * render.
 */
@NullMarked
package org.carelens.portal.gateway;

import org.jspecify.annotations.NullMarked;
