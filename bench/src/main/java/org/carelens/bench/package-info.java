/**
 * The benchmark (issue 14): canned sources at fixed delays ({@code CannedSource}), the gateway in
 * its own JVM ({@code GatewayProcess}), open-model load with launch tokens and sessions ({@code
 * OpenLoad}), and the report ({@code Report}). Run with {@code bench/run}; nothing here runs in
 * {@code ./mvnw verify} beyond compiling and a smoke test.
 */
@NullMarked
package org.carelens.bench;

import org.jspecify.annotations.NullMarked;
