/**
 * Implementation detail of the mental health XML adapter: the bounded response reader, the hardened
 * XML parser, error-body interpretation and the client summary mapper. Nothing outside this module
 * imports it.
 */
@NullMarked
package org.carelens.adapters.mentalhealth.internal;

import org.jspecify.annotations.NullMarked;
