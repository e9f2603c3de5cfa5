package org.carelens.simulators.faults;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.UniformDistribution;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One simulated source as the admin API sees it: its id (as the gateway reports it), kind, and the
 * WireMock servers that serve it (two for {@code gp}: one per practice). Applying a profile first
 * undoes the previous one. Thread-safe.
 */
public final class SimulatedSource {

  /** Above every simulator's own stubs (WireMock's default priority is 5). */
  private static final int FAULT_PRIORITY = 1;

  static final String GARBAGE =
      "{\"resourceType\": \"Bundle\", \"entry\": [{\"resource\": \u0000\u00ff<<garbled>> ]]";

  private final String id;
  private final String kind;
  private final List<WireMockServer> servers;
  private final int[] ports;
  private final java.util.Map<WireMockServer, List<StubMapping>> faultStubs =
      new java.util.IdentityHashMap<>();
  private final List<String> memberIds;
  private final FaultSettings[] current;

  /**
   * @param servers running servers; their ports are remembered so DOWN can restart them there
   * @param memberIds an id for each server, e.g. {@code gp-A81001}, so one can be switched alone
   */
  public SimulatedSource(
      String id, String kind, List<WireMockServer> servers, List<String> memberIds) {
    this.id = Objects.requireNonNull(id, "id");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.servers = List.copyOf(servers);
    this.memberIds = List.copyOf(memberIds);
    if (this.servers.isEmpty() || this.servers.size() != this.memberIds.size()) {
      throw new IllegalArgumentException(
          "source " + id + " needs at least one server, and one member id per server");
    }
    this.ports = this.servers.stream().mapToInt(WireMockServer::port).toArray();
    this.current = new FaultSettings[this.servers.size()];
    Arrays.fill(current, FaultSettings.NORMAL);
  }

  public List<String> memberIds() {
    return memberIds;
  }

  public String id() {
    return id;
  }

  public String kind() {
    return kind;
  }

  /** The ports the source listens on (also while it is down). */
  public synchronized List<Integer> ports() {
    return Arrays.stream(ports).boxed().toList();
  }

  /** The profile of the first server (of every server, unless one was switched alone). */
  public synchronized FaultSettings fault() {
    return current[0];
  }

  /** The profile of each server, in member order. */
  public synchronized List<FaultSettings> memberFaults() {
    return List.of(current);
  }

  /** Switches every server of the source to {@code settings}. */
  public synchronized void apply(FaultSettings settings) {
    for (int i = 0; i < servers.size(); i++) {
      apply(i, settings);
    }
  }

  /** Switches the server {@code memberId} alone. */
  public synchronized void apply(String memberId, FaultSettings settings) {
    int index = memberIds.indexOf(memberId);
    if (index < 0) {
      throw new IllegalArgumentException("source " + id + " has no member " + memberId);
    }
    apply(index, settings);
  }

  /** Undoes the server's previous profile, then applies {@code settings}. */
  private void apply(int i, FaultSettings settings) {
    Objects.requireNonNull(settings, "settings");
    {
      WireMockServer server = servers.get(i);
      reset(server);
      switch (settings.profile()) {
        case NORMAL -> {}
        case SLOW -> server.updateGlobalSettings(slow(settings));
        case HANGING ->
            server.updateGlobalSettings(
                GlobalSettings.builder()
                    .fixedDelay((int) settings.param("hangMs", FaultSettings.DEFAULT_HANG_MS))
                    .build());
        case FLAKY -> stubs(server).add(server.stubFor(flaky(settings)));
        case GARBAGE ->
            stubs(server)
                .add(
                    server.stubFor(
                        anyRequest()
                            .willReturn(
                                aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody(GARBAGE))));
        case HUGE ->
            stubs(server)
                .add(
                    server.stubFor(
                        anyRequest()
                            .willReturn(
                                aResponse()
                                    .withStatus(200)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody(
                                        huge(
                                            settings.param(
                                                "sizeBytes", FaultSettings.DEFAULT_SIZE_BYTES))))));
        case DOWN -> server.stop();
      }
      if (server.isRunning()) {
        ports[i] = server.port();
      }
    }
    current[i] = settings;
  }

  private void reset(WireMockServer server) {
    if (!server.isRunning()) {
      // Bound to the port it was created with: a simulator started on a fixed port comes back on
      // it.
      server.start();
    }
    stubs(server).forEach(server::removeStub);
    stubs(server).clear();
    server.updateGlobalSettings(GlobalSettings.defaults());
  }

  private List<StubMapping> stubs(WireMockServer server) {
    return faultStubs.computeIfAbsent(server, s -> new ArrayList<>());
  }

  private static GlobalSettings slow(FaultSettings settings) {
    if (settings.params().containsKey("minDelayMs")) {
      return GlobalSettings.builder()
          .delayDistribution(
              new UniformDistribution(
                  (int) settings.param("minDelayMs", 0), (int) settings.param("maxDelayMs", 0)))
          .build();
    }
    return GlobalSettings.builder()
        .fixedDelay((int) settings.param("delayMs", FaultSettings.DEFAULT_DELAY_MS))
        .build();
  }

  private static MappingBuilder flaky(FaultSettings settings) {
    long rate = settings.param("errorRate", FaultSettings.DEFAULT_ERROR_RATE);
    int status = (int) settings.param("status", 500);
    return anyRequest()
        .andMatching(
            new ValueMatcher<Request>() {
              @Override
              public MatchResult match(Request request) {
                // Deliberately random: "flaky" means a share of requests fail, not a pattern.
                return MatchResult.of(ThreadLocalRandom.current().nextInt(100) < rate);
              }
            })
        .willReturn(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain")
                .withBody("simulated failure (flaky profile)"));
  }

  private static MappingBuilder anyRequest() {
    return any(anyUrl()).atPriority(FAULT_PRIORITY);
  }

  /** Well-formed JSON of the given size, so only a size limit stops a client reading it all. */
  static byte[] huge(long sizeBytes) {
    String head = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"padding\":\"";
    String tail = "\"}";
    int padding = (int) Math.max(0, sizeBytes - head.length() - tail.length());
    byte[] body = new byte[head.length() + padding + tail.length()];
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(headBytes, 0, body, 0, headBytes.length);
    Arrays.fill(body, headBytes.length, headBytes.length + padding, (byte) 'x');
    byte[] tailBytes = tail.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(tailBytes, 0, body, headBytes.length + padding, tailBytes.length);
    return body;
  }
}
