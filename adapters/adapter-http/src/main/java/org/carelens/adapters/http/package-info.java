/**
 * The toolkit every HTTP adapter is built on, over {@code java.net.http}:
 *
 * <ul>
 *   <li>{@link org.carelens.adapters.http.SourceHttpClient}: sends with the fetch's {@link
 *       org.carelens.adapters.http.Deadline} (headers and body), cancels on interruption, reads
 *       bodies up to a limit ({@link org.carelens.adapters.http.BoundedBody}) and reports transport
 *       failures as outcomes ({@link org.carelens.adapters.http.TransportFailures});
 *   <li>{@link org.carelens.adapters.http.StatusMapping}: HTTP statuses to outcomes, each adapter
 *       declaring what 404 (and 403) mean for its source;
 *   <li>{@link org.carelens.adapters.http.TraceHeaders}: correlation and trace headers;
 *   <li>{@link org.carelens.adapters.http.ClientCredentialsTokens}: an OAuth2 client credentials
 *       token cache;
 *   <li>{@link org.carelens.adapters.http.ConfigChecks} and {@link
 *       org.carelens.adapters.http.HttpSourceSettings}: config validation and the gateway's shared
 *       settings;
 *   <li>{@link org.carelens.adapters.http.fhir}: FHIR R4 answers, for the R4 adapters.
 * </ul>
 *
 * Every message names the endpoint or the call, never the patient.
 */
@NullMarked
package org.carelens.adapters.http;

import org.jspecify.annotations.NullMarked;
