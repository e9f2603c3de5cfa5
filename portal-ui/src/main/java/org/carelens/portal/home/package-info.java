/** The portal's landing page: Carelens opens from a clinical system, not by browsing here. */
@NullMarked
package org.carelens.portal.home;

import org.jspecify.annotations.NullMarked;
