package org.carelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code results.md} (tables, Carelens and its peers side by side) and {@code latency.svg}
 * (latency by percentile, one panel per rate, one line per system).
 */
final class Report {

  private Report() {}

  static void write(Path out, BenchMain.Results r) throws IOException {
    Files.writeString(out.resolve("results.md"), markdown(r));
    Files.writeString(out.resolve("latency.svg"), svg(r));
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  static String markdown(BenchMain.Results r) throws IOException {
    StringBuilder md = new StringBuilder();
    md.append("# Carelens benchmark results\n\n");
    md.append(
        f("Run %s, %d s.%n%n", r.started, Duration.between(r.started, Instant.now()).toSeconds()));
    md.append("Command: `bench/run ").append(String.join(" ", r.options.args())).append("`\n\n");
    md.append("Machine: ").append(machine()).append("\n\n");
    md.append(
        "Setup: canned sources on localhost answering recorded simulator payloads after a fixed"
            + " delay (");
    md.append(
        BenchMain.DELAYS.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms")
            .collect(Collectors.joining(", ")));
    md.append(
        f(
            "); the gateway in its own JVM on its shipped configuration with bulkheads sized for"
                + " %d views/s; open-model load (constant arrival rate, latency from each view's"
                + " scheduled start); every view is a new launch token, a new session and a record"
                + " request, over %d patients; cache misses unless stated. The view's critical"
                + " path is %d ms (social care: lookup, then its three reads at once, 2 × 80 ms);"
                + " the slowest single round trip is %d ms (hospital).%n%n",
            BenchMain.DESIGN_RATE,
            r.options.patients(),
            BenchMain.CRITICAL_PATH.toMillis(),
            BenchMain.SLOWEST_ROUND_TRIP.toMillis()));
    if (!r.peers.isEmpty()) {
      md.append(peers());
      md.append(sideBySide(r));
    }

    md.append("## Latency and cost by arrival rate (cache misses)\n\n");
    List<BenchMain.SystemResults> systems = systems(r);
    for (BenchMain.SystemResults s : systems) {
      if (systems.size() > 1) {
        md.append("### ").append(s.label).append("\n\n");
      }
      rateTable(md, s);
    }

    if (systems.stream().anyMatch(s -> s.hanging != null)) {
      hangingTable(md, systems);
    }

    if (r.cache != null) {
      md.append("## Cache hit versus miss (100 views/s over 40 patients, 30 s fresh window)\n\n");
      md.append(
          "| views | p50 ms | p99 ms | p99.9 ms | gateway CPU ms/view |\n|---|---|---|---|---|\n");
      md.append(
          f(
              "| hit: %d | %.1f | %.1f | %.1f | %.2f (all views) |%n",
              r.cache.hit().count(),
              r.cache.hit().ms(0.5),
              r.cache.hit().ms(0.99),
              r.cache.hit().ms(0.999),
              r.cache.run().cpuMsPerView()));
      md.append(
          f(
              "| miss: %d | %.1f | %.1f | %.1f | |%n%n",
              r.cache.miss().count(),
              r.cache.miss().ms(0.5),
              r.cache.miss().ms(0.99),
              r.cache.miss().ms(0.999)));
    }

    if (r.auditAppend != null) {
      Runner.Run at100 = at100(r.carelens);
      md.append("## Audit entry\n\n");
      md.append(
          f(
              "One committed, hash-chained `RECORD_VIEW` append with view-sized details on the"
                  + " embedded H2 file database (WRITE_DELAY=0), one writer: p50 %.2f ms, p99 %.2f"
                  + " ms (%d appends, chain verified).",
              r.auditAppend.ms(0.5), r.auditAppend.ms(0.99), r.auditAppend.count()));
      if (at100 != null) {
        md.append(
            f(
                " Share of view time at 100 views/s: %.1f%% of the p50 view (%.0f ms). A view also"
                    + " writes a launch entry when its session is created.",
                100 * r.auditAppend.ms(0.5) / at100.latency().ms(0.5), at100.latency().ms(0.5)));
      }
      md.append("\n\n");
    }
    if (r.profile != null) {
      md.append(
          f(
              "## Profile%n%nJFR at 100 views/s: gateway CPU %.2f ms per view; hottest methods in"
                  + " `%s`.%n",
              r.profile.run().cpuMsPerView(), r.profile.text().getFileName()));
    }
    md.append(
        "\nCPU per view is the process's CPU time (user + system, all threads: HTTP server, virtual"
            + " threads, JIT, GC) over the phase divided by the views in it. For the gateway it"
            + " includes the launch (token check, session, launch audit entry) and background"
            + " work. \"Of which JIT\" is the part the JIT compiler threads used (from /proc): a"
            + " process that has run for hours compiles next to nothing, while one measured a few"
            + " minutes after start is still compiling, by an amount that varies from run to run;"
            + " the figure without it is closer to what a long-running gateway spends. The load"
            + " generator and the canned sources run in another JVM on the same cores.\n");
    return md.toString();
  }

  private static List<BenchMain.SystemResults> systems(BenchMain.Results r) {
    List<BenchMain.SystemResults> systems = new ArrayList<>();
    systems.add(r.carelens);
    systems.addAll(r.peers);
    return systems;
  }

  private static Runner.@Nullable Run at100(BenchMain.SystemResults s) {
    return s.rates.stream().filter(run -> run.rate() == 100).findFirst().orElse(null);
  }

  private static String peers() {
    return f(
        "Peers: the same views, in the same run, through two systems that do the fan-out and"
            + " nothing else. The **Camel scatter-gather** is Apache Camel 4.22: `platform-http`"
            + " (Vert.x) takes the view; a multicast with parallel processing, a %d s timeout and"
            + " an aggregation strategy sends it to one route per source; each source's calls are"
            + " split in parallel over the `http` component (Apache HttpClient 5); Camel's pools"
            + " run one virtual thread per task, unbounded, and calls still out when the timeout"
            + " fires run on until they end. The **sequential fan-out** is the naive lower bound: a JDK"
            + " `HttpServer` on virtual threads that makes every call of every source one after"
            + " another with the JDK `HttpClient` (its chain of round trips is %d ms). Each runs"
            + " in its own JVM on default options, asks the six sources the gateway asks for this"
            + " viewer (not the mental health trust, which the gateway's policy does not ask) with"
            + " byte-identical requests, parses every payload with Jackson and writes one JSON"
            + " view of the sources' items. **The peers do no policy, consent, audit, launch-token"
            + " check, session, caching, mapping or merging, and have no circuit breakers or"
            + " bulkheads.** Their figures are the cost of the fan-out alone. Each gateway view"
            + " also pays for a launch (a token check and a session) that a peer view does"
            + " not. A GP practice's refusal (HTTP 403: the patient has dissented) is the"
            + " gateway's `gp=WITHHELD` and a peer's `gp=ERROR`.%n%n",
        BenchMain.TIME_LIMIT.toSeconds(), BenchMain.SEQUENTIAL_CHAIN.toMillis());
  }

  /** One row of the side-by-side table: a value per system, NaN where it does not apply. */
  private record Row(
      String metric, String format, ToDoubleFunction<BenchMain.SystemResults> value) {}

  private static String sideBySide(BenchMain.Results r) {
    double slowest = BenchMain.SLOWEST_ROUND_TRIP.toMillis();
    double deadline = BenchMain.DEADLINE.toMillis();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < r.carelens.rates.size(); i++) {
      int index = i;
      String rate = r.carelens.rates.get(i).rate() + "/s";
      rows.add(
          new Row(rate + ": p50 ÷ slowest round trip", "%.2f", s -> ms(s, index, 0.5) / slowest));
      rows.add(
          new Row(rate + ": p99 ÷ slowest round trip", "%.2f", s -> ms(s, index, 0.99) / slowest));
      rows.add(new Row(rate + ": overhead p50 ms", "%.0f", s -> overhead(s, index, 0.5)));
      rows.add(new Row(rate + ": overhead p99 ms", "%.0f", s -> overhead(s, index, 0.99)));
      rows.add(new Row(rate + ": overhead p99.9 ms", "%.0f", s -> overhead(s, index, 0.999)));
      rows.add(
          new Row(
              rate + ": CPU ms per view", "%.2f", s -> run(s, index, Runner.Run::cpuMsPerView)));
      rows.add(
          new Row(
              rate + ": CPU ms per view, JIT compiling excluded",
              "%.2f",
              s -> run(s, index, Runner.Run::cpuMsPerViewWithoutJit)));
      rows.add(
          new Row(
              rate + ": views per core-second",
              "%.0f",
              s -> run(s, index, Runner.Run::viewsPerCoreSecond)));
    }
    rows.add(
        new Row(
            "highest rate with p99 < 1 s, views/s",
            "%.0f",
            s -> s.highest == null ? Double.NaN : s.highest.rate()));
    rows.add(new Row("live heap after the runs, MB", "%.0f", s -> s.heapAfter / 1e6));
    rows.add(new Row("RSS after the runs, MB", "%.0f", s -> s.rssAfter / 1e6));
    rows.add(
        new Row(
            "hospital hanging: p99 ÷ deadline",
            "%.2f",
            s -> s.hanging == null ? Double.NaN : s.hanging.run().latency().ms(0.99) / deadline));
    rows.add(
        new Row(
            "hospital hanging: p99.9 ÷ deadline",
            "%.2f",
            s -> s.hanging == null ? Double.NaN : s.hanging.run().latency().ms(0.999) / deadline));
    rows.add(
        new Row(
            "hospital hanging: worst overshoot of the deadline, ms",
            "%.0f",
            s ->
                s.hanging == null
                    ? Double.NaN
                    : Math.max(0, s.hanging.run().latency().maxMs() - deadline)));
    rows.add(
        new Row(
            "hospital hanging: calls reaching it",
            "%.0f",
            s -> s.hanging == null ? Double.NaN : s.hanging.callsToDeadSource()));
    rows.add(
        new Row(
            "hospital hanging: of them while its circuit was open",
            "%.0f",
            s ->
                s.hanging == null || s.hanging.callsWhileOpen() < 0
                    ? Double.NaN
                    : s.hanging.callsWhileOpen()));

    StringBuilder md = new StringBuilder("## Side by side (cache misses)\n\n| |");
    StringBuilder rule = new StringBuilder("|---|");
    for (BenchMain.SystemResults s : systems(r)) {
      md.append(' ').append(s.label).append(" |");
      rule.append("---|");
      if (s != r.carelens) {
        md.append(" ÷ Carelens |");
        rule.append("---|");
      }
    }
    md.append('\n').append(rule).append('\n');
    for (Row row : rows) {
      double base = row.value().applyAsDouble(r.carelens);
      md.append("| ").append(row.metric()).append(" |");
      for (BenchMain.SystemResults s : systems(r)) {
        double value = row.value().applyAsDouble(s);
        md.append(' ').append(Double.isNaN(value) ? "—" : f(row.format(), value)).append(" |");
        if (s != r.carelens) {
          boolean ratio = !Double.isNaN(value) && !Double.isNaN(base) && base > 0 && value >= 0;
          md.append(' ').append(ratio ? f("%.2f", value / base) : "—").append(" |");
        }
      }
      md.append('\n');
    }
    md.append(
        f(
            "%nA ratio below 1 means the peer is faster, cheaper or smaller than Carelens. Overhead"
                + " is latency over the parallel critical path (%d ms) for every system, so the"
                + " sequential fan-out's includes its waiting in turn; it can be a little below 0,"
                + " as for a patient the council does not know the path is the hospital's %d ms."
                + " — means it does not apply: no rate met p99 < 1 s, the system has no circuit"
                + " breaker, or a ratio of a negative overhead.%n%n",
            BenchMain.CRITICAL_PATH.toMillis(), BenchMain.SLOWEST_ROUND_TRIP.toMillis()));
    return md.toString();
  }

  private static double run(
      BenchMain.SystemResults s, int index, ToDoubleFunction<Runner.Run> value) {
    return index < s.rates.size() ? value.applyAsDouble(s.rates.get(index)) : Double.NaN;
  }

  private static double ms(BenchMain.SystemResults s, int index, double q) {
    return run(s, index, run -> run.latency().ms(q));
  }

  private static double overhead(BenchMain.SystemResults s, int index, double q) {
    return run(s, index, run -> run.overheadMs(q));
  }

  private static void rateTable(StringBuilder md, BenchMain.SystemResults s) {
    md.append(
        "| rate /s | views | p50 ms | p99 ms | p99.9 ms | max ms | p50 ÷ slowest | p99 ÷ slowest"
            + " | overhead p50 ms | overhead p99 ms | overhead p99.9 ms | CPU ms/view"
            + " | of which JIT | views per core-second | not OK |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    List<Runner.Run> rows = new ArrayList<>(s.rates);
    rows.addAll(s.search);
    double slowest = BenchMain.SLOWEST_ROUND_TRIP.toMillis();
    for (Runner.Run run : rows) {
      md.append(
          f(
              "| %d%s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f |"
                  + " %.2f | %.0f | %s |%n",
              run.rate(),
              run == s.highest
                  ? " (highest p99 < 1 s)"
                  : run.name().equals("search") ? " (search)" : "",
              run.views(),
              run.latency().ms(0.5),
              run.latency().ms(0.99),
              run.latency().ms(0.999),
              run.latency().maxMs(),
              run.latency().ms(0.5) / slowest,
              run.latency().ms(0.99) / slowest,
              run.overheadMs(0.5),
              run.overheadMs(0.99),
              run.overheadMs(0.999),
              run.cpuMsPerView(),
              run.jitMsPerView(),
              run.viewsPerCoreSecond(),
              run.statuses().isEmpty() ? "none" : run.statuses().toString()));
    }
    md.append(
        f(
            "%nHighest rate tried with p99 < 1 s: **%s**. Requests the canned sources had not"
                + " recorded (forwarded to the simulators) during the runs: %d.",
            s.highest != null
                ? s.highest.rate() + " views/s"
                : s.noSearch != null ? "none (" + s.noSearch + ")" : "none",
            s.forwardedDuringRuns));
    if (!s.label.equals("Carelens")) {
      md.append(
          f(
              " In its first view of each patient, before the runs: %d (requests the gateway"
                  + " never made).",
              s.forwardedWhilePriming));
    }
    md.append(
        f(
            "%n%n%s memory after the runs: live heap %.0f MB (after a full GC), RSS %.0f MB.%n%n",
            s.label, s.heapAfter / 1e6, s.rssAfter / 1e6));
  }

  private static void hangingTable(StringBuilder md, List<BenchMain.SystemResults> systems) {
    double deadline = BenchMain.DEADLINE.toMillis();
    md.append("## One source hanging (hospital, 20 views/s)\n\n");
    md.append(
        "| system | views | p50 ms | p99 ms | p99.9 ms | max ms | p99 ÷ deadline | p99.9 ÷"
            + " deadline | worst overshoot ms | calls reaching the dead source | of them while"
            + " its circuit was open | statuses |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (BenchMain.SystemResults s : systems) {
      BenchMain.Hanging h = s.hanging;
      if (h == null) {
        continue;
      }
      md.append(
          f(
              "| %s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %d | %s | %s |%n",
              s.label,
              h.run().views(),
              h.run().latency().ms(0.5),
              h.run().latency().ms(0.99),
              h.run().latency().ms(0.999),
              h.run().latency().maxMs(),
              h.run().latency().ms(0.99) / deadline,
              h.run().latency().ms(0.999) / deadline,
              Math.max(0, h.run().latency().maxMs() - deadline),
              h.callsToDeadSource(),
              h.callsWhileOpen() < 0 ? "no breaker" : String.valueOf(h.callsWhileOpen()),
              h.run().statuses()));
    }
    md.append(
        f(
            "%nDeadline %d s, time limit %d s (the peers wait at most the time limit for every"
                + " source). \"While its circuit was open\" is sampled from the gateway's `/health`"
                + " every 50 ms, so a call in the instant the breaker moves may be counted either"
                + " way; half-open probes are calls the breaker lets through on purpose. The peers"
                + " have no breaker, so every view asks the dead source: the Camel peer sends all"
                + " seven hospital searches at once and leaves them running when its timeout"
                + " fires; the sequential peer sends the first, and the hospital's time limit has"
                + " passed when it returns.%n%n",
            BenchMain.DEADLINE.toSeconds(), BenchMain.TIME_LIMIT.toSeconds()));
  }

  static String machine() {
    String cpu = "unknown CPU";
    try {
      cpu =
          Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
              .filter(l -> l.startsWith("model name"))
              .findFirst()
              .map(l -> l.substring(l.indexOf(':') + 1).strip())
              .orElse(cpu);
    } catch (IOException e) {
      // not Linux
    }
    long memory =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    return f(
        "%d cores (%s), %.0f GB RAM, %s %s, Java %s (%s)",
        Runtime.getRuntime().availableProcessors(),
        cpu,
        memory / 1e9,
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"));
  }

  private static final double[] QUANTILES = {0.5, 0.9, 0.99, 0.999, 1.0};
  private static final String[] LABELS = {"p50", "p90", "p99", "p99.9", "max"};
  private static final String[] COLOURS = {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"};

  /**
   * Latency by percentile on a log scale from 100 ms up: one panel per arrival rate (and one with
   * the hospital hanging), one line per system.
   */
  static String svg(BenchMain.Results r) {
    List<BenchMain.SystemResults> systems = systems(r);
    List<String> titles = new ArrayList<>();
    for (Runner.Run run : r.carelens.rates) {
      titles.add(run.rate() + " views/s");
    }
    boolean hanging = systems.stream().anyMatch(s -> s.hanging != null);
    if (hanging) {
      titles.add("20/s, hospital hanging");
    }
    int panels = Math.max(1, titles.size());
    int panelW = 230;
    int gap = 25;
    int left = 60;
    int top = 70;
    int bottom = 40;
    int plotH = 300;
    int width = left + panels * panelW + (panels - 1) * gap + 20;
    int height = top + plotH + bottom;
    double minLog = Math.log10(100);
    double worst =
        systems.stream()
            .flatMap(s -> runs(s, titles.size(), hanging).stream())
            .filter(run -> run != null)
            .mapToDouble(run -> run.latency().maxMs())
            .filter(v -> v > 0)
            .max()
            .orElse(1);
    // From 100 ms to the decade above the slowest view (at least 10 s).
    double maxLog = Math.max(4, Math.ceil(Math.log10(worst)));
    double ceiling = Math.pow(10, maxLog);
    StringBuilder s = new StringBuilder();
    s.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
            width, height));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(
        f(
            "<text x=\"%d\" y=\"22\" font-size=\"14\">View latency by percentile (cache misses,"
                + " open model)</text>%n",
            left));
    for (int i = 0; i < systems.size(); i++) {
      String colour = COLOURS[i % COLOURS.length];
      double x = left + i * 200.0;
      s.append(
          f(
              "<line x1=\"%.1f\" y1=\"40\" x2=\"%.1f\" y2=\"40\" stroke=\"%s\" stroke-width=\"2\"/>"
                  + "<text x=\"%.1f\" y=\"44\">%s</text>%n",
              x, x + 20, colour, x + 25, systems.get(i).label));
    }
    for (int p = 0; p < panels; p++) {
      double x0 = left + p * (panelW + gap);
      for (int ms : new int[] {100, 200, 500, 1000, 2000, 5000, 10000, 20_000, 50_000, 100_000}) {
        if (ms > ceiling) {
          break;
        }
        double y = top + plotH * (1 - (Math.log10(ms) - minLog) / (maxLog - minLog));
        s.append(
            f(
                "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                x0, y, x0 + panelW, y));
        if (p == 0) {
          s.append(
              f(
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                  left - 6, y + 4, ms >= 1000 ? (ms / 1000) + " s" : ms + " ms"));
        }
      }
      if (p < titles.size()) {
        s.append(
            f(
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                x0 + panelW / 2.0, top - 8, titles.get(p)));
      }
      for (int i = 0; i < LABELS.length; i++) {
        double x = x0 + panelW * i / (LABELS.length - 1.0);
        s.append(
            f(
                "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"10\">%s</text>%n",
                x, height - bottom + 16, LABELS[i]));
      }
      for (int i = 0; i < systems.size(); i++) {
        List<Runner.@Nullable Run> runs = runs(systems.get(i), titles.size(), hanging);
        Runner.Run run = p < runs.size() ? runs.get(p) : null;
        if (run == null || run.latency().count() == 0) {
          continue;
        }
        String colour = COLOURS[i % COLOURS.length];
        StringBuilder points = new StringBuilder();
        for (int q = 0; q < QUANTILES.length; q++) {
          double ms = Math.max(100, Math.min(ceiling, run.latency().ms(QUANTILES[q])));
          double x = x0 + panelW * q / (QUANTILES.length - 1.0);
          double y = top + plotH * (1 - (Math.log10(ms) - minLog) / (maxLog - minLog));
          points.append(f("%.1f,%.1f ", x, y));
          s.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>%n", x, y, colour));
        }
        s.append(
            f(
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                points.toString().strip(), colour));
      }
    }
    s.append("</svg>\n");
    return s.toString();
  }

  /** A system's runs in panel order: its rate runs, then its hanging run (null where missing). */
  private static List<Runner.@Nullable Run> runs(
      BenchMain.SystemResults s, int panels, boolean hanging) {
    List<Runner.@Nullable Run> runs = new ArrayList<>(s.rates);
    int rates = panels - (hanging ? 1 : 0);
    while (runs.size() < rates) {
      runs.add(null);
    }
    while (runs.size() > rates) {
      runs.removeLast();
    }
    if (hanging) {
      runs.add(s.hanging == null ? null : s.hanging.run());
    }
    return runs;
  }
}
