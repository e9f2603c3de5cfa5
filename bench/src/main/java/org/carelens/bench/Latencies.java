package org.carelens.bench;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/** Sorted latencies in nanoseconds, with nearest-rank percentiles in milliseconds. */
record Latencies(long[] sortedNanos) {

  static <T> Latencies of(List<T> items, ToLongFunction<T> nanos) {
    long[] values = items.stream().mapToLong(nanos).toArray();
    Arrays.sort(values);
    return new Latencies(values);
  }

  int count() {
    return sortedNanos.length;
  }

  /** The {@code q} quantile (0 &lt; q ≤ 1) by nearest rank, in milliseconds; NaN when empty. */
  double ms(double q) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(q * sortedNanos.length);
    return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
  }

  double maxMs() {
    return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
  }
}
