package org.carelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes {@code results.md} (tables) and {@code latency.svg} (latency by percentile and rate). */
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

    md.append("## Latency and cost by arrival rate (cache misses)\n\n");
    md.append(
        "| rate /s | views | p50 ms | p99 ms | p99.9 ms | max ms | p50 ÷ slowest | p99 ÷ slowest"
            + " | overhead p50 ms | overhead p99 ms | overhead p99.9 ms | gateway CPU ms/view"
            + " | views per core-second | not OK |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    List<Runner.Run> rows = new ArrayList<>(r.rates);
    rows.addAll(r.search);
    for (Runner.Run run : rows) {
      double slowest = BenchMain.SLOWEST_ROUND_TRIP.toMillis();
      md.append(
          f(
              "| %d%s | %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %.0f | %.0f | %.2f |"
                  + " %.0f | %s |%n",
              run.rate(),
              run == r.highest
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
              run.viewsPerCoreSecond(),
              run.statuses().isEmpty() ? "none" : run.statuses().toString()));
    }
    md.append(
        f(
            "%nHighest rate tried with p99 < 1 s: **%s**. Requests the canned sources had not"
                + " recorded (forwarded to the simulators) during the runs: %d.%n%n",
            r.highest == null ? "none" : r.highest.rate() + " views/s", r.forwardedDuringRuns));
    md.append(
        f(
            "Gateway memory after the runs: live heap %.0f MB (after a full GC), RSS %.0f MB.%n%n",
            r.heapAfter / 1e6, r.rssAfter / 1e6));

    BenchMain.Hanging h = r.hanging;
    if (h != null) {
      double deadline = BenchMain.DEADLINE.toMillis();
      md.append("## One source hanging (hospital, 20 views/s)\n\n");
      md.append(
          "| views | p50 ms | p99 ms | p99.9 ms | max ms | p99 ÷ deadline | p99.9 ÷ deadline |"
              + " worst overshoot ms | calls reaching the dead source | of them while its circuit"
              + " was open | statuses |\n");
      md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
      md.append(
          f(
              "| %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.0f | %d | %d | %s |%n%n",
              h.run().views(),
              h.run().latency().ms(0.5),
              h.run().latency().ms(0.99),
              h.run().latency().ms(0.999),
              h.run().latency().maxMs(),
              h.run().latency().ms(0.99) / deadline,
              h.run().latency().ms(0.999) / deadline,
              Math.max(0, h.run().latency().maxMs() - deadline),
              h.callsToDeadSource(),
              h.callsWhileOpen(),
              h.run().statuses()));
      md.append(
          "Deadline 4 s, time limit 3 s. \"While its circuit was open\" is sampled from `/health`"
              + " every 50 ms, so a call in the instant the breaker moves may be counted either"
              + " way; half-open probes are calls the breaker lets through on purpose.\n\n");
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
      Runner.Run at100 = r.rates.stream().filter(run -> run.rate() == 100).findFirst().orElse(null);
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
        "\nCPU per view is the gateway process's CPU time (user + system, all threads: Netty,"
            + " virtual threads, JIT, GC) over the phase divided by the views in it, so it includes"
            + " the launch (token check, session, launch audit entry) and background work. The"
            + " load generator and the canned sources run in another JVM on the same cores.\n");
    return md.toString();
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

  /** Latency by percentile, one line per rate, on a log scale from 100 ms up. */
  static String svg(BenchMain.Results r) {
    int width = 640;
    int height = 400;
    int left = 60;
    int right = 170;
    int top = 40;
    int bottom = 50;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    double minLog = Math.log10(100);
    double worst =
        r.rates.stream()
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
            "<text x=\"%d\" y=\"22\" font-size=\"14\">Carelens view latency by percentile (cache"
                + " misses, open model)</text>%n",
            left));
    for (int ms : new int[] {100, 200, 500, 1000, 2000, 5000, 10000, 20_000, 50_000, 100_000}) {
      if (ms > ceiling) {
        break;
      }
      double y = top + plotH * (1 - (Math.log10(ms) - minLog) / (maxLog - minLog));
      s.append(
          f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              left,
              y,
              left + plotW,
              y,
              left - 6,
              y + 4,
              ms >= 1000 ? (ms / 1000) + " s" : ms + " ms"));
    }
    for (int i = 0; i < LABELS.length; i++) {
      double x = left + plotW * i / (LABELS.length - 1);
      s.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x, height - bottom + 20, LABELS[i]));
    }
    List<Runner.Run> lines = new ArrayList<>(r.rates);
    if (r.highest != null && !lines.contains(r.highest)) {
      lines.add(r.highest);
    }
    if (r.hanging != null) {
      lines.add(r.hanging.run());
    }
    for (int l = 0; l < lines.size(); l++) {
      Runner.Run run = lines.get(l);
      String colour = COLOURS[l % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < QUANTILES.length; i++) {
        double ms = Math.max(100, Math.min(ceiling, run.latency().ms(QUANTILES[i])));
        double x = left + plotW * i / (QUANTILES.length - 1);
        double y = top + plotH * (1 - (Math.log10(ms) - minLog) / (maxLog - minLog));
        points.append(f("%.1f,%.1f ", x, y));
        s.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, colour));
      }
      s.append(
          f(
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              points.toString().strip(), colour));
      String label =
          run.name().equals("hanging")
              ? run.rate() + "/s, hospital hanging"
              : run.rate() + " views/s" + (run == r.highest ? " (highest)" : "");
      s.append(
          f(
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%s</text>%n",
              left + plotW + 15,
              top + 10 + 20 * l,
              left + plotW + 35,
              top + 10 + 20 * l,
              colour,
              left + plotW + 40,
              top + 14 + 20 * l,
              label));
    }
    s.append("</svg>\n");
    return s.toString();
  }
}
