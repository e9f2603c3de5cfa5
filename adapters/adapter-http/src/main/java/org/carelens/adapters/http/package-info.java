/**
 * HTTP helpers shared by adapters built on {@code java.net.http}: reading a response body up to a
 * limit ({@link org.carelens.adapters.http.BoundedBody}) and turning transport exceptions into
 * {@code SourceOutcome.Failed} values with messages that name the endpoint, never the patient
 * ({@link org.carelens.adapters.http.TransportFailures}).
 */
@NullMarked
package org.carelens.adapters.http;

import org.jspecify.annotations.NullMarked;
