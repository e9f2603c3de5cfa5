/**
 * Sign-in for users who are not launched in context (issue 11): OpenID Connect with NHS CIS2
 * (authorization code + PKCE through the Nimbus OAuth 2.0 SDK), the ID token exchanged at the
 * gateway for a session bound to no patient, the patient search page, and sign-out, which ends the
 * portal and the gateway session together.
 */
@NullMarked
package org.carelens.portal.signin;

import org.jspecify.annotations.NullMarked;
