package org.carelens.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An open-model load generator: views arrive at a constant rate whatever the gateway does, each on
 * its own virtual thread, and each view's latency runs from the moment it was <em>scheduled</em> to
 * start, so a gateway that falls behind is charged for the queue it causes (no coordinated
 * omission). A view of the gateway is what a clinician's launch costs: a fresh launch token
 * exchanged for a session ({@code POST /api/v1/sessions}), then {@code GET
 * /api/v1/patients/{nhs}/record}. A peer, which has no sessions, gets the record request alone.
 */
final class OpenLoad {

  /** One planned view: the patient and the launch token that opens it (null: no session). */
  record Arrival(String nhsNumber, @Nullable String launchToken) {}

  /**
   * One view's result.
   *
   * @param latencyNanos from the scheduled start to the last byte of the record
   * @param httpStatus the record's HTTP status (or the session's, if that failed; 0 on I/O error)
   * @param sources each source's status, as {@code id=STATUS}
   * @param allCached every source answered from the gateway's cache
   */
  record Outcome(long latencyNanos, int httpStatus, List<String> sources, boolean allCached) {}

  /** The sources array of a record view: id, name, status, elapsedMs, cached, in that order. */
  private static final Pattern SOURCE =
      Pattern.compile(
          "\\{\"id\":\"([^\"]+)\",\"name\":\"[^\"]*\",\"status\":\"([A-Z_]+)\",\"elapsedMs\":\\d+,\"cached\":(true|false)"
              + ",\"retrievedAt\":(?:null|\"[^\"]*\"|[-0-9.eE]+),\"reason\":(?:null|\"[^\"]*\"),\"detail\":(?:null|\"((?:[^\"\\\\]|\\\\.)*)\")");

  private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

  private final String baseUrl;
  private final HttpClient client;
  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

  OpenLoad(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .executor(threads)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /**
   * Starts {@code arrivals} at {@code rate} per second and returns every outcome once the last view
   * has finished.
   */
  List<Outcome> run(List<Arrival> arrivals, double rate) throws InterruptedException {
    long period = (long) (1e9 / rate);
    List<Future<Outcome>> pending = new ArrayList<>(arrivals.size());
    long start = System.nanoTime() + 10_000_000;
    for (int i = 0; i < arrivals.size(); i++) {
      long scheduled = start + i * period;
      long wait;
      while ((wait = scheduled - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      Arrival arrival = arrivals.get(i);
      pending.add(threads.submit(() -> view(arrival, scheduled)));
    }
    List<Outcome> outcomes = new ArrayList<>(pending.size());
    for (Future<Outcome> future : pending) {
      try {
        outcomes.add(future.get());
      } catch (java.util.concurrent.ExecutionException e) {
        outcomes.add(new Outcome(System.nanoTime() - start, 0, List.of(), false));
      }
    }
    return outcomes;
  }

  /** One view, as {@link #run} does it, timed from {@code scheduled}. */
  Outcome view(Arrival arrival, long scheduled) {
    try {
      HttpRequest.Builder recordRequest =
          HttpRequest.newBuilder(
              URI.create(baseUrl + "/api/v1/patients/" + arrival.nhsNumber() + "/record"));
      if (arrival.launchToken() != null) {
        HttpResponse<String> session =
            client.send(
                HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/sessions"))
                    .header("Authorization", "Bearer " + arrival.launchToken())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(session.body());
        if (session.statusCode() != 201 || !token.find()) {
          return new Outcome(System.nanoTime() - scheduled, session.statusCode(), List.of(), false);
        }
        recordRequest.header("Authorization", "Bearer " + token.group(1));
      }
      HttpResponse<String> record =
          client.send(recordRequest.build(), HttpResponse.BodyHandlers.ofString());
      long latency = System.nanoTime() - scheduled;
      List<String> sources = sources(record.body());
      boolean allCached = !sources.isEmpty() && cachedOrNotOk(record.body());
      return new Outcome(latency, record.statusCode(), sources, allCached);
    } catch (IOException e) {
      return new Outcome(System.nanoTime() - scheduled, 0, List.of(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(System.nanoTime() - scheduled, 0, List.of(), false);
    }
  }

  /**
   * Each source of a record view as {@code id=STATUS}, an {@code ERROR} with the start of its
   * detail: {@code acute=ERROR(Bulkhead full)}.
   */
  static List<String> sources(String recordJson) {
    List<String> sources = new ArrayList<>();
    Matcher m = SOURCE.matcher(recordJson);
    while (m.find()) {
      String kind =
          m.group(2).equals("ERROR") && m.group(4) != null
              ? "(" + m.group(4).split("[:(]", 2)[0].strip() + ")"
              : "";
      sources.add(m.group(1) + "=" + m.group(2) + kind);
    }
    return sources;
  }

  /** Whether every source that answered OK answered from the gateway's cache. */
  private static boolean cachedOrNotOk(String recordJson) {
    Matcher m = SOURCE.matcher(recordJson);
    boolean all = true;
    while (m.find()) {
      all &= m.group(3).equals("true") || !m.group(2).equals("OK");
    }
    return all;
  }

  /** How often each {@code id=STATUS} occurred, and every HTTP status other than 200. */
  static Map<String, Integer> statuses(List<Outcome> outcomes) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.httpStatus() != 200) {
        counts.merge("http=" + outcome.httpStatus(), 1, Integer::sum);
      }
      for (String source : outcome.sources()) {
        if (!source.endsWith("=OK")) {
          counts.merge(source, 1, Integer::sum);
        }
      }
    }
    return counts;
  }

  void close() {
    client.close();
    threads.shutdownNow();
  }
}
