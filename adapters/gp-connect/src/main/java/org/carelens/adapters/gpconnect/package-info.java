/**
 * The GP Connect adapter: asks a GP practice for a patient's record with GP Connect Access Record:
 * Structured 1.6 ({@code POST /Patient/$gpc.getstructuredrecord}, FHIR STU3) and returns it in the
 * canonical model. Entry points: {@link org.carelens.adapters.gpconnect.GpConnectConfig} and {@link
 * org.carelens.adapters.gpconnect.GpConnectAdapter}; everything else is in {@code internal}.
 */
@NullMarked
package org.carelens.adapters.gpconnect;

import org.jspecify.annotations.NullMarked;
