/**
 * Implementation detail of the social care adapter: bounded exchanges, the token cache, the page
 * reader and the JSON mapper. Nothing outside this module imports it.
 */
@NullMarked
package org.carelens.adapters.socialcare.internal;

import org.jspecify.annotations.NullMarked;
