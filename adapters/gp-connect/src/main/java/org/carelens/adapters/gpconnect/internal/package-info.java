/**
 * Implementation detail of the GP Connect adapter: the request body and consumer token, the bounded
 * response reader, error-response interpretation and the STU3 bundle mapper. Nothing outside this
 * module imports it.
 */
@NullMarked
package org.carelens.adapters.gpconnect.internal;

import org.jspecify.annotations.NullMarked;
