package org.carelens.bench.peer;

import java.lang.management.ManagementFactory;
import java.util.regex.Pattern;

/**
 * A running peer. Its endpoints: {@code GET /api/v1/patients/{nhs}/record} (the view), {@code GET
 * /health} ({@code UP}) and {@code GET /heap} (heap in use, bytes, for the bench's memory figure).
 */
public interface Peer extends AutoCloseable {

  Pattern NHS_NUMBER = Pattern.compile("[0-9]{10}");

  /** {@code http://localhost:port}. */
  String baseUrl();

  /** Stops serving and releases its threads and connections. */
  @Override
  void close();

  /** Heap in use, as the gateway's {@code jvm_memory_used_bytes{area="heap"}} reports it. */
  static long heapUsedBytes() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
