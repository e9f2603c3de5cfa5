package org.carelens.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the gateway's CPU samples go, from a JFR recording: each execution sample is charged to the
 * first subsystem found walking its stack from the top (so a HAPI parse called from an adapter
 * counts as HAPI), and every method is counted inclusively (in how many samples it appears at all).
 */
final class ProfileBreakdown {

  /** Subsystems by package prefix, most specific first. */
  private static final Map<String, String> SUBSYSTEMS = subsystems();

  private static Map<String, String> subsystems() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("ca.uhn.fhir", "HAPI FHIR (parse, model)");
    m.put("org.hl7.fhir", "HAPI FHIR (parse, model)");
    m.put("org.h2", "H2 (audit, sessions, jti, consent reads)");
    m.put("com.zaxxer.hikari", "H2 (audit, sessions, jti, consent reads)");
    m.put("org.carelens.gateway.audit", "audit (hashing, canonical JSON)");
    m.put("com.nimbusds", "JOSE (launch token check)");
    m.put("ch.qos.logback", "logging");
    m.put("org.slf4j", "logging");
    m.put("java.util.logging", "logging");
    m.put("io.micronaut.serde", "JSON (Micronaut serde)");
    m.put("com.fasterxml.jackson", "JSON (Jackson)");
    m.put("org.carelens.policy", "policy");
    m.put("org.carelens.gateway.record.ViewPolicy", "policy");
    m.put("org.carelens.gateway.merge", "merge");
    m.put("org.carelens.adapters", "adapters (mapping)");
    m.put("io.micrometer", "metrics");
    m.put("io.github.resilience4j", "resilience4j");
    m.put("com.github.benmanes.caffeine", "cache");
    m.put("jdk.internal.net.http", "JDK HTTP client (source calls)");
    m.put("java.net.http", "JDK HTTP client (source calls)");
    m.put("io.netty", "Netty (server I/O)");
    m.put("io.micronaut", "Micronaut (routing, binding)");
    m.put("org.carelens.gateway", "gateway (other)");
    m.put("sun.security", "TLS/crypto");
    m.put("java.security", "TLS/crypto");
    return m;
  }

  record Breakdown(long samples, Map<String, Long> bySubsystem, Map<String, Long> inclusive) {}

  static Breakdown of(Path recording) throws IOException {
    Map<String, Long> bySubsystem = new HashMap<>();
    Map<String, Long> inclusive = new HashMap<>();
    long samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      String subsystem = null;
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        if (!frame.isJavaFrame()) {
          continue;
        }
        String type = frame.getMethod().getType().getName();
        String method = type + "." + frame.getMethod().getName();
        if (seen.add(method)) {
          inclusive.merge(method, 1L, Long::sum);
        }
        if (subsystem == null) {
          for (Map.Entry<String, String> s : SUBSYSTEMS.entrySet()) {
            if (type.startsWith(s.getKey())) {
              subsystem = s.getValue();
              break;
            }
          }
        }
      }
      bySubsystem.merge(subsystem == null ? "JDK and other" : subsystem, 1L, Long::sum);
    }
    return new Breakdown(samples, bySubsystem, inclusive);
  }

  static String text(Breakdown b, int topMethods) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "CPU samples by subsystem (first match from the top of the stack), %d samples%n",
            b.samples()));
    b.bySubsystem().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  %5.1f%%  %s%n",
                        100.0 * e.getValue() / b.samples(),
                        e.getKey())));
    s.append(String.format(Locale.ROOT, "%nMethods by inclusive samples (top %d)%n", topMethods));
    b.inclusive().entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(topMethods)
        .forEach(
            e ->
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  %5.1f%%  %s%n",
                        100.0 * e.getValue() / b.samples(),
                        e.getKey())));
    return s.toString();
  }

  /** {@code java ... ProfileBreakdown recording.jfr}: prints the breakdown. */
  public static void main(String[] args) throws IOException {
    System.out.print(text(of(Path.of(args[0])), 60));
  }
}
