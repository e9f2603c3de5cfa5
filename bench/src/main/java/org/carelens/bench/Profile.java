package org.carelens.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JDK Flight Recorder profile of the gateway at 100 views/s (cache misses): started with {@code
 * jcmd JFR.start} after the warm-up, so the recording holds the steady state only, and summarised
 * with {@code jfr view} (hottest methods, allocation by class, GC) into a text file next to the
 * results.
 */
final class Profile {

  record Summary(Runner.Run run, Path recording, Path text) {}

  private Profile() {}

  static Summary record(
      Path root,
      Path work,
      Path out,
      Map<String, CannedSource> sources,
      LaunchTokens tokens,
      List<String> patients,
      BenchMain.Options options,
      boolean prime)
      throws Exception {
    int rate = options.profileRate();
    BenchMain.log("profile: JFR over a " + rate + " views/s run");
    Path recording = out.resolve("gateway-" + rate + ".jfr");
    try (GatewayProcess gateway =
        GatewayProcess.start(
            root,
            work.resolve("gateway-profile"),
            BenchMain.config(sources, tokens, "0s", false),
            // Deep stacks, so that every sample reaches the Carelens frame that caused it.
            List.of("-XX:FlightRecorderOptions:stackdepth=1024"))) {
      if (prime) {
        BenchMain.prime(gateway, tokens, patients, sources);
      }
      Runner runner = new Runner(gateway, tokens, patients);
      runner.warmUp(options.warmUpSeconds());
      jcmd(gateway.pid(), "JFR.start", "name=bench", "settings=profile");
      ThreadCpu threadsBefore = ThreadCpu.of(gateway.pid());
      Runner.Run run = runner.measure("profile", rate, Math.max(options.seconds(), 20));
      ThreadCpu threadsAfter = ThreadCpu.of(gateway.pid());
      jcmd(gateway.pid(), "JFR.stop", "name=bench", "filename=" + recording);
      Path text = out.resolve("profile-" + rate + ".txt");
      StringBuilder summary = new StringBuilder();
      summary
          .append("# JFR profile of the gateway, cache misses, " + rate + " views/s, ")
          .append(run.views())
          .append(" views\n")
          .append(
              String.format(
                  java.util.Locale.ROOT,
                  "# gateway CPU %.2f ms per view; p50 %.0f ms, p99 %.0f ms%n%n",
                  run.cpuMsPerView(),
                  run.latency().ms(0.5),
                  run.latency().ms(0.99)));
      summary.append(threadsAfter.since(threadsBefore, run.views())).append("\n");
      summary.append(ProfileBreakdown.text(ProfileBreakdown.of(recording), 60)).append("\n");
      for (String view : List.of("hot-methods", "allocation-by-class", "gc")) {
        summary.append("## jfr view ").append(view).append("\n");
        summary.append(jfr("view", "--width", "180", "--truncate", "beginning", view, recording));
        summary.append("\n");
      }
      Files.writeString(text, summary);
      return new Summary(run, recording, text);
    }
  }

  private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    args.add(String.valueOf(pid));
    args.addAll(List.of(command));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + String.join(" ", command) + ": " + output);
    }
  }

  static String jfr(Object... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>();
    args.add(Path.of(System.getProperty("java.home"), "bin", "jfr").toString());
    for (Object c : command) {
      args.add(c.toString());
    }
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return output;
  }
}
