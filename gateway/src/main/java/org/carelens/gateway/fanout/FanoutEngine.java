package org.carelens.gateway.fanout;

import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.carelens.gateway.metrics.GatewayMetrics;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceRequest;

/**
 * Asks every configured source at once, each on its own virtual thread, and returns one result per
 * source within the view's deadline, whatever any source does. Sources that have not answered by
 * the deadline are reported {@code TIMEOUT} and their threads interrupted; every permit they held
 * (circuit breaker, bulkhead) is given back as their threads stop.
 *
 * <p>Thread-safe: one engine serves every view concurrently.
 */
@Context
public class FanoutEngine implements AutoCloseable {

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final List<SourceAdapter> adapters;
  private final Map<String, SourceCaller> callers;
  private final FanoutProperties properties;

  @Inject
  public FanoutEngine(
      SourceAdapters sourceAdapters,
      FanoutProperties properties,
      Clock clock,
      GatewayMetrics metrics) {
    this.properties = properties;
    this.adapters = sourceAdapters.adapters();
    var byId = new LinkedHashMap<String, SourceCaller>();
    for (SourceAdapter adapter : adapters) {
      SourceProperties config = sourceAdapters.properties(adapter.descriptor().id());
      byId.put(
          adapter.descriptor().id(), new SourceCaller(adapter, config, executor, clock, metrics));
    }
    this.callers = Collections.unmodifiableMap(byId);
  }

  /** An engine whose meters stay in memory, for tests and embedding. */
  public FanoutEngine(SourceAdapters sourceAdapters, FanoutProperties properties, Clock clock) {
    this(sourceAdapters, properties, clock, GatewayMetrics.inMemory());
  }

  /** The configured sources, in order of source id (as {@link SourceAdapters} builds them). */
  public List<SourceDescriptor> sources() {
    return adapters.stream().map(SourceAdapter::descriptor).toList();
  }

  /** The adapter for one source, for calls other than the record fetch (document content). */
  public Optional<SourceAdapter> adapter(String sourceId) {
    return adapters.stream().filter(a -> a.descriptor().id().equals(sourceId)).findFirst();
  }

  /** The time limit configured for one source. */
  public Optional<Duration> timeLimit(String sourceId) {
    return Optional.ofNullable(callers.get(sourceId)).map(c -> c.properties().getTimeLimit());
  }

  /** The circuit state of each source, without calling any of them. */
  public Map<String, String> circuitStates() {
    var states = new LinkedHashMap<String, String>();
    callers.forEach((id, caller) -> states.put(id, caller.circuitState().name()));
    return states;
  }

  /** Each source's circuit state and free bulkhead permits, without calling any of them. */
  public Map<String, SourceHealth> health() {
    var health = new LinkedHashMap<String, SourceHealth>();
    callers.forEach(
        (id, caller) ->
            health.put(
                id,
                new SourceHealth(
                    caller.circuitState().name(),
                    caller.bulkheadAvailable(),
                    caller.properties().getBulkheadMaxConcurrent())));
    return health;
  }

  /**
   * Removes a patient from every source's cache, e.g. when the patient registers dissent: no later
   * view may be served from a copy taken before it.
   */
  public void purge(NhsNumber nhsNumber) {
    callers.values().forEach(caller -> caller.purge(nhsNumber));
  }

  /**
   * Empties every source's cache, for a replica that may have missed purges (issue 15: its purge
   * listener was disconnected).
   */
  public void purgeAll() {
    callers.values().forEach(SourceCaller::purgeAll);
  }

  /** Whether any source's cache holds a record of this patient (for operations and tests). */
  public boolean caches(NhsNumber nhsNumber) {
    return callers.values().stream().anyMatch(caller -> caller.caches(nhsNumber));
  }

  /**
   * Fetches the patient from every source.
   *
   * @param sections the sections in scope for this viewer; sources are asked for these only
   * @return one result per source, in order of source id
   */
  public List<SourceResult> fetchAll(
      NhsNumber nhsNumber, Set<Section> sections, RequestContext context) {
    return fetchAll(nhsNumber, sections, context, result -> {});
  }

  /**
   * Fetches the patient from every source, telling {@code onEach} about each result as it arrives
   * (on the calling thread, one at a time, in completion order; sources cut off by the deadline
   * last, as {@code TIMEOUT}).
   *
   * @return one result per source, in order of source id
   */
  public List<SourceResult> fetchAll(
      NhsNumber nhsNumber,
      Set<Section> sections,
      RequestContext context,
      Consumer<SourceResult> onEach) {
    Map<String, Set<Section>> plan = new LinkedHashMap<>();
    adapters.forEach(a -> plan.put(a.descriptor().id(), sections));
    return fetch(nhsNumber, plan, context, onEach);
  }

  /**
   * Fetches the patient from the sources in {@code plan} only, each asked for its own sections. A
   * source absent from the plan is not contacted at all, not even its cache: this is how policy
   * keeps a patient who dissented from a source from being asked about there.
   *
   * @param plan source id to the sections it is asked for; ids not configured are ignored
   * @return one result per planned source, in order of source id
   */
  public List<SourceResult> fetch(
      NhsNumber nhsNumber,
      Map<String, Set<Section>> plan,
      RequestContext context,
      Consumer<SourceResult> onEach) {
    long deadline = System.nanoTime() + properties.getDeadline().toNanos();
    List<SourceAdapter> asked =
        adapters.stream().filter(a -> plan.containsKey(a.descriptor().id())).toList();
    BlockingQueue<Completed> done = new LinkedBlockingQueue<>();
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < asked.size(); i++) {
      int index = i;
      String id = asked.get(i).descriptor().id();
      SourceRequest request = new SourceRequest(nhsNumber, plan.get(id), context);
      SourceCaller caller = callers.get(id);
      running.add(
          executor.submit(() -> done.add(new Completed(index, caller.call(request, deadline)))));
    }
    SourceResult[] results = new SourceResult[asked.size()];
    int remaining = asked.size();
    try {
      while (remaining > 0) {
        Completed next = done.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (next == null) {
          break;
        }
        results[next.index()] = next.result();
        remaining--;
        onEach.accept(next.result());
      }
    } catch (InterruptedException e) {
      // The view was abandoned (client gone, server stopping): cut every source off below.
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < results.length; i++) {
      if (results[i] == null) {
        running.get(i).cancel(true);
        String id = asked.get(i).descriptor().id();
        results[i] =
            callers
                .get(id)
                .cutOff(
                    new SourceRequest(nhsNumber, plan.get(id), context),
                    properties.getDeadline(),
                    "No answer before the view's "
                        + properties.getDeadline().toMillis()
                        + " ms deadline");
        onEach.accept(results[i]);
      }
    }
    return List.of(results);
  }

  @PreDestroy
  @Override
  public void close() {
    executor.shutdownNow();
    adapters.forEach(SourceAdapter::close);
  }

  private record Completed(int index, SourceResult result) {}

  /**
   * One source's resilience state.
   *
   * @param circuit {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or another Resilience4j state)
   * @param bulkheadAvailable calls that may still start now
   */
  public record SourceHealth(String circuit, int bulkheadAvailable, int bulkheadMax) {}
}
