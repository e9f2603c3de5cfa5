// Issue 15 item 5: the failover check, run against `./carelens cluster --replicas 3` by
// `./carelens failover` (docs/operations.md). A single-file Java program on the distribution's
// classpath (for the PostgreSQL driver): no build step, no dependency of its own.
//
// Under a steady view load through HAProxy it SIGKILLs one gateway replica and then checks that
// the session opened before the kill kept working, that every view that reached the client has its
// audit entry, that the chain verifies, and that a dissent registered through one surviving
// replica is honoured by another within 1 s. It prints how many requests failed and for how long.
// Exit status 0 only if every check passed.

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Failover {

  record Call(String correlationId, long startNanos, long endNanos, int status, String code) {}

  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  static String gateway = env("CARELENS_GATEWAY_URL", "http://localhost:8081");
  static String launcher = env("CARELENS_LAUNCHER_URL", "http://localhost:8090");
  static Path clusterDir = Path.of(env("CARELENS_CLUSTER_DIR", ".carelens/cluster"));
  static int replicaPortBase = Integer.parseInt(env("CARELENS_REPLICA_PORT_BASE", "8180"));
  static String jdbc =
      env("CARELENS_FAILOVER_JDBC", "jdbc:postgresql://127.0.0.1:5432/carelens_cluster");
  static String dbUser = env("CARELENS_DB_USER", "postgres");
  static String dbPassword = env("CARELENS_DB_PASSWORD", "");

  public static void main(String[] args) throws Exception {
    int workers = Integer.parseInt(env("CARELENS_FAILOVER_WORKERS", "4"));
    // Views a second over all workers. The per-user rate limit is counted across replicas (120
    // views a minute by default, fixed windows): the whole run, at most 15 s of views plus the
    // dissent check's few, must stay under it even if it falls in one window.
    double rate = Double.parseDouble(env("CARELENS_FAILOVER_RATE", "6"));
    Duration before = Duration.ofSeconds(Long.parseLong(env("CARELENS_FAILOVER_BEFORE_S", "5")));
    Duration after = Duration.ofSeconds(Long.parseLong(env("CARELENS_FAILOVER_AFTER_S", "10")));
    int victim = Integer.parseInt(env("CARELENS_FAILOVER_VICTIM", "1"));
    List<Integer> replicas = replicas();
    if (replicas.size() < 3) {
      fail("needs three replicas running (./carelens cluster --replicas 3); found " + replicas);
    }
    String patient = "9990000018";
    String session = session("ooh-doctor", patient);
    System.out.printf(
        "Session opened before the kill; %d workers viewing %s through %s, %.1f views/s%n",
        workers, patient, gateway, rate);

    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long killAt = start + before.toNanos();
    long end = killAt + after.toNanos();
    long killedAt;
    long interval = (long) (1_000_000_000L / rate);
    AtomicLong tickets = new AtomicLong();
    try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int w = 0; w < workers; w++) {
        pool.submit(
            () -> {
              // Each view has its slot on a steady schedule; a worker waits for the next free one.
              while (true) {
                long startAt = start + tickets.getAndIncrement() * interval;
                if (startAt >= end) {
                  return null;
                }
                long wait = startAt - System.nanoTime();
                if (wait > 0) {
                  Thread.sleep(Duration.ofNanos(wait));
                }
                calls.add(view(session, patient));
              }
            });
      }
      Thread.sleep(Duration.ofNanos(killAt - System.nanoTime()));
      long pid = Long.parseLong(Files.readString(clusterDir.resolve("gateway" + victim + ".pid")).trim());
      killedAt = System.nanoTime();
      boolean killed = ProcessHandle.of(pid).map(ProcessHandle::destroyForcibly).orElse(false);
      System.out.printf("SIGKILL gateway%d (pid %d): %s%n", victim, pid, killed ? "sent" : "no such process");
    }

    List<Call> all = new ArrayList<>(calls);
    long limited = all.stream().filter(c -> c.status() == 429).count();
    check(
        limited == 0,
        "no view was refused by the rate limit (" + limited + " were: wait a minute, or lower"
            + " CARELENS_FAILOVER_RATE)");
    List<Call> failed = all.stream().filter(c -> c.status() != 200).toList();
    List<Call> ok = all.stream().filter(c -> c.status() == 200).toList();
    System.out.printf("Views: %d, answered 200: %d, failed: %d%n", all.size(), ok.size(), failed.size());
    if (!failed.isEmpty()) {
      long first = failed.stream().mapToLong(Call::startNanos).min().orElseThrow();
      long last = failed.stream().mapToLong(Call::endNanos).max().orElseThrow();
      System.out.printf(
          "Failures from %+d ms to %+d ms after the kill (window %d ms); statuses/codes: %s%n",
          (first - killedAt) / 1_000_000,
          (last - killedAt) / 1_000_000,
          (last - first) / 1_000_000,
          failed.stream().map(c -> c.status() + " " + c.code()).distinct().toList());
    }
    long maxLatency = all.stream().mapToLong(c -> c.endNanos() - c.startNanos()).max().orElse(0);
    System.out.printf("Slowest view during the run: %d ms%n", maxLatency / 1_000_000);
    boolean afterKillOk =
        ok.stream().anyMatch(c -> c.startNanos() > killedAt + Duration.ofSeconds(2).toNanos());
    check(afterKillOk, "the session opened before the kill kept working after it");

    Set<String> audited = audited(ok.stream().map(Call::correlationId).toList());
    List<String> unaudited =
        ok.stream().map(Call::correlationId).filter(id -> !audited.contains(id)).toList();
    check(
        unaudited.isEmpty(),
        "every view that reached the client has its RECORD_VIEW audit entry (missing: "
            + unaudited.size() + ")");

    String ig = session("ig-officer", patient);
    HttpResponse<String> verify = send("GET", gateway + "/api/v1/audit/verify", ig, null);
    check(
        verify.statusCode() == 200 && verify.body().contains("\"valid\":true"),
        "the audit chain verifies (" + verify.statusCode() + ")");

    dissentAcrossReplicas(replicas.stream().filter(r -> r != victim).toList());
    System.out.println(failures == 0 ? "FAILOVER CHECK PASSED" : "FAILOVER CHECK FAILED");
    System.exit(failures == 0 ? 0 : 1);
  }

  /** A dissent through one replica, then views on another until it shows. */
  static void dissentAcrossReplicas(List<Integer> live) throws Exception {
    String patient = anotherPatient();
    String through = replicaUrl(live.get(0));
    String other = replicaUrl(live.get(1));
    String clinician = session("ooh-doctor", patient);
    String ig = session("ig-officer", patient);
    HttpResponse<String> warm =
        send("GET", other + "/api/v1/patients/" + patient + "/record", clinician, null);
    check(warm.statusCode() == 200, "a view on gateway" + live.get(1) + " before the dissent");
    HttpResponse<String> dissent =
        send(
            "POST",
            through + "/api/v1/dissent",
            ig,
            "{\"nhsNumber\":\"" + patient + "\",\"reason\":\"Failover check\"}");
    long registered = System.nanoTime();
    check(dissent.statusCode() == 201, "dissent registered through gateway" + live.get(0));
    long honouredAfter = -1;
    while (System.nanoTime() - registered < Duration.ofSeconds(5).toNanos()) {
      HttpResponse<String> view =
          send("GET", other + "/api/v1/patients/" + patient + "/record", clinician, null);
      if (view.body().contains("PATIENT_DISSENT") && !view.body().contains("\"status\":\"OK\"")) {
        honouredAfter = (System.nanoTime() - registered) / 1_000_000;
        break;
      }
    }
    System.out.printf(
        "Dissent through gateway%d honoured by gateway%d after %d ms%n",
        live.get(0), live.get(1), honouredAfter);
    check(honouredAfter >= 0 && honouredAfter <= 1000, "the dissent is honoured within 1 s");
    Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(dissent.body());
    if (id.find()) {
      send(
          "POST",
          through + "/api/v1/dissent/" + id.group(1) + "/revoke",
          ig,
          "{\"reason\":\"Failover check done\"}");
    }
  }

  static int failures;

  static void check(boolean passed, String what) {
    System.out.println((passed ? "  ok    " : "  FAIL  ") + what);
    if (!passed) {
      failures++;
    }
  }

  static Call view(String session, String patient) {
    String correlationId = "failover-" + UUID.randomUUID();
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(gateway + "/api/v1/patients/" + patient + "/record"))
                  .timeout(Duration.ofSeconds(15))
                  .header("Authorization", "Bearer " + session)
                  .header("X-Correlation-ID", correlationId)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Call(correlationId, started, System.nanoTime(), response.statusCode(), code(response.body()));
    } catch (Exception e) {
      return new Call(correlationId, started, System.nanoTime(), 0, e.getClass().getSimpleName());
    }
  }

  static String code(String body) {
    Matcher m = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
    return m.find() ? m.group(1) : "";
  }

  static Set<String> audited(List<String> correlationIds) throws Exception {
    Set<String> found = new HashSet<>();
    try (Connection c = DriverManager.getConnection(jdbc, dbUser, dbPassword);
        PreparedStatement q =
            c.prepareStatement(
                "SELECT correlation_id FROM audit_entry WHERE event_type = 'RECORD_VIEW'"
                    + " AND correlation_id = ANY (?)")) {
      q.setArray(1, c.createArrayOf("varchar", correlationIds.toArray()));
      try (ResultSet rows = q.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  static String session(String persona, String patient) throws Exception {
    HttpResponse<String> token =
        send(
            "POST",
            launcher + "/api/launch-token",
            null,
            "{\"persona\":\"" + persona + "\",\"nhsNumber\":\"" + patient + "\"}");
    Matcher t = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(token.body());
    if (!t.find()) {
      fail("the launcher gave no token: " + token.body());
    }
    HttpResponse<String> created = send("POST", gateway + "/api/v1/sessions", t.group(1), null);
    Matcher s = Pattern.compile("\"accessToken\":\"([^\"]+)\"").matcher(created.body());
    if (created.statusCode() != 201 || !s.find()) {
      fail("no session for " + persona + ": " + created.statusCode() + " " + created.body());
    }
    return s.group(1);
  }

  static String anotherPatient() throws Exception {
    HttpResponse<String> patients = send("GET", launcher + "/api/patients", null, null);
    Matcher m = Pattern.compile("\"nhsNumber\":\"(\\d{10})\"").matcher(patients.body());
    List<String> all = new ArrayList<>();
    while (m.find()) {
      all.add(m.group(1));
    }
    return all.get(100 + (int) (System.currentTimeMillis() % Math.max(1, all.size() - 100)));
  }

  static List<Integer> replicas() throws Exception {
    List<Integer> live = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      Path pid = clusterDir.resolve("gateway" + i + ".pid");
      if (Files.exists(pid)
          && ProcessHandle.of(Long.parseLong(Files.readString(pid).trim()))
              .map(ProcessHandle::isAlive)
              .orElse(false)) {
        live.add(i);
      }
    }
    return live;
  }

  static String replicaUrl(int replica) {
    return "http://localhost:" + (replicaPortBase + replica);
  }

  static HttpResponse<String> send(String method, String url, String bearer, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  static void fail(String why) {
    System.err.println("failover: " + why);
    System.exit(2);
  }
}
