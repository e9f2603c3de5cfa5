package org.carelens.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs open-model phases against one system under test (the gateway or a peer) and measures its
 * process's CPU time over each.
 */
final class Runner {

  /**
   * One measured phase.
   *
   * @param cpuMsPerView the process's CPU time over the phase ÷ views (for the gateway, launch
   *     included)
   * @param jitMsPerView of that, the JIT compiler threads' CPU time ÷ views (from {@code /proc};
   *     NaN where it cannot be read): a gateway that has run for hours compiles next to nothing,
   *     while a benchmark of minutes is still compiling, by an amount that varies from run to run
   * @param statuses counts of every source status other than OK, and of HTTP statuses other than
   *     200
   */
  record Run(
      String name,
      int rate,
      int views,
      Latencies latency,
      double cpuMsPerView,
      double jitMsPerView,
      double wallSeconds,
      Map<String, Integer> statuses) {

    /** CPU per view without the JIT's compiling: what a long-running process spends. */
    double cpuMsPerViewWithoutJit() {
      return cpuMsPerView - jitMsPerView;
    }

    /** Views the system serves per second of one core's CPU time. */
    double viewsPerCoreSecond() {
      return 1000 / cpuMsPerView;
    }

    /** Latency over the view's critical path (the slowest chain of source round trips), ms. */
    double overheadMs(double q) {
      return latency.ms(q) - BenchMain.CRITICAL_PATH.toMillis();
    }
  }

  /** Cache-hit scenario: views whose every answering source came from the cache, and the rest. */
  record CacheRun(Run run, Latencies hit, Latencies miss) {}

  private final ChildJvm target;
  private final LaunchTokens tokens;
  private final List<String> patients;
  private int next;

  /** Launch tokens are made only for a target whose views start with a launch. */
  Runner(ChildJvm target, LaunchTokens tokens, List<String> patients) {
    this.target = target;
    this.tokens = tokens;
    this.patients = patients;
  }

  void warmUp(int seconds) throws InterruptedException {
    Run run = measure("warm-up", 50, seconds);
    BenchMain.log(
        String.format(Locale.ROOT, "  warm-up done (p50 %.0f ms)", run.latency().ms(0.5)));
  }

  Run measure(String name, int rate, int seconds) throws InterruptedException {
    return phase(name, rate, seconds).run();
  }

  CacheRun cacheHitVersusMiss(int rate, int seconds) throws InterruptedException {
    Phase phase = phase("cache", rate, seconds);
    List<OpenLoad.Outcome> ok =
        phase.outcomes().stream().filter(o -> o.httpStatus() == 200).toList();
    return new CacheRun(
        phase.run(),
        Latencies.of(
            ok.stream().filter(OpenLoad.Outcome::allCached).toList(), o -> o.latencyNanos()),
        Latencies.of(
            ok.stream().filter(o -> !o.allCached()).toList(), OpenLoad.Outcome::latencyNanos));
  }

  private record Phase(Run run, List<OpenLoad.Outcome> outcomes) {}

  /** The target's threads' CPU times now, or null where {@code /proc} cannot be read. */
  private ThreadCpu threads() {
    try {
      return ThreadCpu.of(target.pid());
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private Phase phase(String name, int rate, int seconds) throws InterruptedException {
    int count = rate * seconds;
    List<OpenLoad.Arrival> arrivals = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String nhs = patients.get(next++ % patients.size());
      arrivals.add(new OpenLoad.Arrival(nhs, target.launches() ? tokens.token(nhs) : null));
    }
    OpenLoad load = new OpenLoad(target.baseUrl());
    try {
      ThreadCpu threadsBefore = threads();
      Duration cpuBefore = target.cpu();
      long started = System.nanoTime();
      List<OpenLoad.Outcome> outcomes = load.run(arrivals, rate);
      double wall = (System.nanoTime() - started) / 1e9;
      Duration cpu = target.cpu().minus(cpuBefore);
      ThreadCpu threadsAfter = threads();
      double jitSeconds =
          threadsBefore == null || threadsAfter == null
              ? Double.NaN
              : threadsAfter.compilerSecondsSince(threadsBefore);
      Run run =
          new Run(
              name,
              rate,
              outcomes.size(),
              Latencies.of(outcomes, OpenLoad.Outcome::latencyNanos),
              cpu.toNanos() / 1e6 / outcomes.size(),
              jitSeconds * 1000 / outcomes.size(),
              wall,
              OpenLoad.statuses(outcomes));
      BenchMain.log(
          String.format(
              Locale.ROOT,
              "  %s %-8s %3d/s %5d views  p50 %6.0f  p99 %6.0f  p99.9 %6.0f  max %6.0f ms  cpu %.2f ms/view (JIT %.2f)  %s",
              target.label(),
              name,
              rate,
              run.views(),
              run.latency().ms(0.5),
              run.latency().ms(0.99),
              run.latency().ms(0.999),
              run.latency().maxMs(),
              run.cpuMsPerView(),
              run.jitMsPerView(),
              run.statuses()));
      return new Phase(run, outcomes);
    } finally {
      load.close();
    }
  }
}
