/** Short-lived gateway sessions bound to the launched user, role, organisation and patient. */
@NullMarked
package org.carelens.gateway.session;

import org.jspecify.annotations.NullMarked;
