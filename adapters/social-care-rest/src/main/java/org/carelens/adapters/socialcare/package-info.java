/**
 * The council adult social care adapter: reads a case-management system's JSON REST API with an
 * OAuth2 client-credentials token (RFC 6749 §4.4), following paged resources, and returns
 * involvements, care packages and safeguarding flags in the canonical model. Entry points: {@link
 * org.carelens.adapters.socialcare.SocialCareRestConfig} and {@link
 * org.carelens.adapters.socialcare.SocialCareRestAdapter}; everything else is in {@code internal}.
 */
@NullMarked
package org.carelens.adapters.socialcare;

import org.jspecify.annotations.NullMarked;
