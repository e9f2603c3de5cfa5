/** WireMock set-up shared by the simulators: quiet, fast to start, no files read from disk. */
@NullMarked
package org.carelens.simulators.wiremock;

import org.jspecify.annotations.NullMarked;
