/**
 * The benchmark's two peers (issue 14): the same view built without Carelens, to measure what the
 * HTTP calls and the JSON work cost on their own. {@link org.carelens.bench.peer.CamelPeer} is a
 * scatter-gather on Apache Camel (multicast with parallel processing, a timeout and an aggregation
 * strategy); {@link org.carelens.bench.peer.SequentialPeer} asks the sources one call after
 * another, the naive lower bound. Both make the calls {@link org.carelens.bench.peer.PeerSource}
 * lists, parse each answer with Jackson and write one JSON view ({@link
 * org.carelens.bench.peer.ViewAssembly}). Neither decides policy, writes audit, checks a launch
 * token or caches: they are not Carelens, only its fan-out. {@link
 * org.carelens.bench.peer.PeerMain} runs one in its own JVM.
 */
@NullMarked
package org.carelens.bench.peer;

import org.jspecify.annotations.NullMarked;
