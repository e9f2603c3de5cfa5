package org.carelens.gateway.fanout;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceRequest;

/**
 * Asks every configured source at once, each on its own virtual thread, and returns one result per
 * source within the view's deadline, whatever any source does. Sources that have not answered by
 * the deadline are reported {@code TIMEOUT} and their threads interrupted.
 */
@Context
public class FanoutEngine implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<SourceAdapter> adapters;
  private final Map<String, SourceCaller> callers;
  private final FanoutProperties properties;

  public FanoutEngine(SourceAdapters sourceAdapters, FanoutProperties properties, Clock clock) {
    this.properties = properties;
    this.adapters = sourceAdapters.adapters();
    var byId = new java.util.LinkedHashMap<String, SourceCaller>();
    for (SourceAdapter adapter : adapters) {
      SourceProperties config = sourceAdapters.properties(adapter.descriptor().id());
      byId.put(adapter.descriptor().id(), new SourceCaller(adapter, config, executor, clock));
    }
    this.callers = java.util.Collections.unmodifiableMap(byId);
  }

  /** The configured sources, in configuration order. */
  public List<SourceDescriptor> sources() {
    return adapters.stream().map(SourceAdapter::descriptor).toList();
  }

  /** The circuit state of each source, without calling any of them. */
  public Map<String, String> circuitStates() {
    var states = new java.util.LinkedHashMap<String, String>();
    callers.forEach((id, caller) -> states.put(id, caller.circuitState().name()));
    return states;
  }

  /**
   * Fetches the patient from every source.
   *
   * @param sections the sections in scope for this viewer; sources are asked for these only
   * @return one result per source, in configuration order
   */
  public List<SourceResult> fetchAll(
      NhsNumber nhsNumber, Set<Section> sections, RequestContext context) {
    long deadline = System.nanoTime() + properties.getDeadline().toNanos();
    List<Future<SourceResult>> futures = new ArrayList<>();
    for (SourceAdapter adapter : adapters) {
      SourceRequest request = new SourceRequest(nhsNumber, sections, context);
      SourceCaller caller = callers.get(adapter.descriptor().id());
      futures.add(executor.submit(() -> caller.call(request)));
    }
    List<SourceResult> results = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      results.add(await(futures.get(i), adapters.get(i).descriptor(), deadline));
    }
    return results;
  }

  private SourceResult await(Future<SourceResult> future, SourceDescriptor source, long deadline) {
    long started = System.nanoTime();
    try {
      return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      return SourceResult.failed(
          source,
          SourceStatus.TIMEOUT,
          "No answer before the view's " + properties.getDeadline().toMillis() + " ms deadline",
          properties.getDeadline());
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      return SourceResult.failed(
          source,
          SourceStatus.TIMEOUT,
          "The view was cancelled",
          Duration.ofNanos(System.nanoTime() - started));
    } catch (ExecutionException e) {
      return SourceResult.failed(
          source,
          SourceStatus.ERROR,
          "The gateway failed calling this source ("
              + e.getCause().getClass().getSimpleName()
              + ")",
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  @PreDestroy
  @Override
  public void close() {
    executor.shutdownNow();
    adapters.forEach(SourceAdapter::close);
  }
}
