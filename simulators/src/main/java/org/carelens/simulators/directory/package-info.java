/**
 * An endpoint directory in the style of the Spine Directory Service (SDS) FHIR API: given a
 * practice's ODS code and the GP Connect interaction, it answers with the practice's GP Connect
 * endpoint, so consumers route to the registered practice rather than to a fixed URL.
 */
@NullMarked
package org.carelens.simulators.directory;

import org.jspecify.annotations.NullMarked;
