package org.carelens.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per thread of a process, from {@code /proc/PID/task/TID/stat}, grouped by thread name
 * with digits folded ({@code GC Thread#1} and {@code GC Thread#0} are one group). JFR samples only
 * threads running Java code; this also counts the garbage collector, the JIT compilers and the
 * kernel time of every thread, so the two together say where a process's CPU went.
 */
final class ThreadCpu {

  /** Clock ticks per second of {@code /proc}'s utime and stime (USER_HZ, 100 on Linux). */
  private static final double TICKS_PER_SECOND = 100;

  private record Times(String name, long user, long system) {}

  private final Map<String, Times> byThread;

  private ThreadCpu(Map<String, Times> byThread) {
    this.byThread = byThread;
  }

  /** The times of every live thread of {@code pid} now. */
  static ThreadCpu of(long pid) throws IOException {
    Map<String, Times> threads = new HashMap<>();
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = Files.readString(task.resolve("comm")).strip();
          // Fields after "(comm) ": state is field 3 of stat(5); utime is 14 and stime 15.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          threads.put(
              task.getFileName().toString(),
              new Times(name, Long.parseLong(fields[11]), Long.parseLong(fields[12])));
        } catch (NoSuchFileException e) {
          // the thread ended while we read
        }
      }
    }
    return new ThreadCpu(threads);
  }

  /**
   * CPU seconds the JIT compiler threads ({@code C1 CompilerThread0}, {@code C2 CompilerThread1},
   * ...) used since {@code before}.
   */
  double compilerSecondsSince(ThreadCpu before) {
    long ticks = 0;
    for (Map.Entry<String, Times> e : byThread.entrySet()) {
      Times now = e.getValue();
      if (!now.name().contains("CompilerThre")) {
        continue;
      }
      Times then = before.byThread.getOrDefault(e.getKey(), new Times(now.name(), 0, 0));
      ticks += now.user() - then.user() + now.system() - then.system();
    }
    return ticks / TICKS_PER_SECOND;
  }

  /**
   * The CPU each thread group used since {@code before}, largest first, as text: seconds, the share
   * of the whole, and how much of it was kernel time.
   */
  String since(ThreadCpu before, int views) {
    Map<String, long[]> groups = new TreeMap<>();
    long total = 0;
    for (Map.Entry<String, Times> e : byThread.entrySet()) {
      Times now = e.getValue();
      Times then = before.byThread.getOrDefault(e.getKey(), new Times(now.name(), 0, 0));
      long user = now.user() - then.user();
      long system = now.system() - then.system();
      long[] group = groups.computeIfAbsent(now.name().replaceAll("[0-9]+", "N"), k -> new long[2]);
      group[0] += user;
      group[1] += system;
      total += user + system;
    }
    Map<String, long[]> sorted = new LinkedHashMap<>();
    groups.entrySet().stream()
        .sorted(
            (a, b) ->
                Long.compare(b.getValue()[0] + b.getValue()[1], a.getValue()[0] + a.getValue()[1]))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "CPU by thread group (from /proc, GC, JIT and kernel time included): %.2f s, %.2f ms per view%n",
            total / TICKS_PER_SECOND,
            total * 1000 / TICKS_PER_SECOND / Math.max(1, views)));
    for (Map.Entry<String, long[]> e : sorted.entrySet()) {
      long ticks = e.getValue()[0] + e.getValue()[1];
      if (ticks == 0) {
        continue;
      }
      text.append(
          String.format(
              Locale.ROOT,
              "  %6.2f s %5.1f%%  %5.2f ms/view  (kernel %4.1f%%)  %s%n",
              ticks / TICKS_PER_SECOND,
              100.0 * ticks / Math.max(1, total),
              ticks * 1000 / TICKS_PER_SECOND / Math.max(1, views),
              100.0 * e.getValue()[1] / ticks,
              e.getKey()));
    }
    return text.toString();
  }
}
