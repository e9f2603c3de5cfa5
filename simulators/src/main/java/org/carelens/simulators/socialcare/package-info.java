/**
 * A council adult social care case-management system ("Riverside Council Adult Social Care", {@code
 * LA001}) on a proprietary JSON REST API with OAuth2 client credentials (RFC 6749 §4.4) and paged
 * resources: people search by NHS number, involvements (with key workers), care packages and
 * safeguarding flags. Content is derived from the synthetic population; a fixture replaces a
 * person's whole document (see {@link org.carelens.simulators.socialcare.SocialCareSimulator}).
 */
@NullMarked
package org.carelens.simulators.socialcare;

import org.jspecify.annotations.NullMarked;
