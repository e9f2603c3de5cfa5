package org.carelens.gateway.consent.sequences;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.carelens.gateway.consent.oracle.AgreementRules;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16: random sequences of what users do (launch, sign-in with a CIS2 ID token, patient search
 * by NHS number or details, self-claim, permission to view and its revocation, break-glass, dissent
 * and its revocation, whole and streamed views with the cache warm or cold, opening document
 * content, time passing) over three patients (one of them restricted in a third of the sequences)
 * and up to four people of any role, organisation type and national RBAC role (mapped by the
 * agreement or not), played against the real gateway API. Every answer must be the independent
 * oracle's, and every view must match it both ways: nothing shown that the oracle withholds,
 * nothing it permits left out, in the view and in the stream's events. A signed-in session must be
 * bound to no patient, in the role the agreement maps; a search must list exactly whom the oracle
 * lists, a restricted patient without any address, and be audited. A failing sequence is shrunk to
 * a shortest one that still fails and told as a story, with the seed that reproduces it.
 *
 * <p>Sequences are played by {@code carelens.sequences.gateways} gateways in this JVM (default 4,
 * at least 2), each on its own thread with its own clock and in-memory database, half under the
 * demo agreement as shipped and half with organisation-wide permission to view ({@link
 * SequenceGateway.Agreement}). Sequence t runs under agreement t modulo 2; sequences are generated
 * up front from the seed, so a replay plays the same ones, and a failure is shrunk on one gateway
 * alone. What costs the time is the gateway itself (a launch verifies a signed token and writes an
 * audit entry; a streamed view writes one per source), so more sequences in the same time come from
 * gateways answering in parallel, not from a cheaper test. The test runs in a JVM of its own with
 * the C1 compiler only (tagged {@value #TAG}; gateway/pom.xml): C2 compiling thousands of
 * once-called paths cost more CPU than the whole of this run's work.
 *
 * <p>The normal suite plays {@value #DEFAULT_TRIES} sequences from a fresh seed and prints its
 * counts, wall time and CPU time. A longer run, or a replay of a failure, is the same command with
 * more tries or that seed:
 *
 * <pre>
 * ./mvnw -B -o test -pl gateway -am -Dtest='ConsentSequencesTest' \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dcarelens.sequences.tries=20000 \
 *     [-Dcarelens.sequences.seed=...] [-Dcarelens.sequences.gateways=...]
 * </pre>
 */
@Tag(ConsentSequencesTest.TAG)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentSequencesTest {

  /**
   * The JUnit tag that runs this test in a surefire execution of its own (gateway/pom.xml), in a
   * JVM with the C1 compiler only.
   */
  static final String TAG = "consent-sequences";

  static final int DEFAULT_TRIES = 2_000;

  final int tries = Integer.getInteger("carelens.sequences.tries", DEFAULT_TRIES);
  final long seed = Long.getLong("carelens.sequences.seed", new Random().nextLong());
  final int gatewayCount = Math.max(2, Integer.getInteger("carelens.sequences.gateways", 4));
  final Duration shrinkFor =
      Duration.ofSeconds(Long.getLong("carelens.sequences.shrink-seconds", 300));
  List<SequenceGateway> gateways;
  Map<SequenceGateway.Agreement, AgreementRules> agreements =
      new EnumMap<>(SequenceGateway.Agreement.class);

  @BeforeAll
  void start() throws Exception {
    for (SequenceGateway.Agreement a : SequenceGateway.Agreement.values()) {
      agreements.put(a, AgreementRules.read(a.text()));
    }
    try (ExecutorService starting = Executors.newFixedThreadPool(gatewayCount)) {
      List<Future<SequenceGateway>> started = new ArrayList<>();
      for (int i = 0; i < gatewayCount; i++) {
        SequenceGateway.Agreement a = agreementOf(i);
        started.add(starting.submit(() -> new SequenceGateway(a)));
      }
      gateways = new ArrayList<>();
      for (Future<SequenceGateway> g : started) {
        gateways.add(g.get());
      }
    }
  }

  @AfterAll
  void stop() {
    gateways.forEach(SequenceGateway::close);
  }

  @Test
  void every_answer_is_the_oracles_and_every_view_shows_exactly_what_it_permits() throws Exception {
    Random random = new Random(seed);
    AgreementRules shipped = agreements.get(SequenceGateway.Agreement.AS_SHIPPED);
    List<String> roles = List.copyOf(shipped.roleSections().keySet());
    List<String> types = shipped.organisationTypes();
    // Generated up front from the seed, in order, so a replay makes the same list whatever the
    // gateways' threads do.
    List<Scenario> scenarios = new ArrayList<>();
    for (int t = 0; t < tries; t++) {
      scenarios.add(Scenarios.random(random, roles, types, shipped.signIn().nationalRoles()));
    }
    SequenceRun.Counts counts = new SequenceRun.Counts();
    int variants = SequenceGateway.Agreement.values().length;
    Map<SequenceGateway.Agreement, AtomicInteger> next =
        new EnumMap<>(SequenceGateway.Agreement.class);
    for (SequenceGateway.Agreement a : SequenceGateway.Agreement.values()) {
      next.put(a, new AtomicInteger());
    }
    AtomicInteger firstFailing = new AtomicInteger(Integer.MAX_VALUE);
    Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    long cpuBefore = processCpuNanos();
    // Each gateway plays one sequence at a time, on its own thread, its own clock and database:
    // the gateways answer in parallel, and no sequence's waiting moves another's clock. Sequence t
    // is played under agreement t modulo their number, whichever gateway of it is free.
    try (ExecutorService playing = Executors.newFixedThreadPool(gateways.size())) {
      List<Future<?>> players = new ArrayList<>();
      for (SequenceGateway gateway : gateways) {
        AtomicInteger mine = next.get(gateway.agreement());
        int offset = gateway.agreement().ordinal();
        players.add(
            playing.submit(
                () -> {
                  for (int t = mine.getAndIncrement() * variants + offset;
                      t < scenarios.size() && t < firstFailing.get();
                      t = mine.getAndIncrement() * variants + offset) {
                    Optional<Throwable> failure = play(gateway, scenarios.get(t), counts);
                    if (failure.isPresent()) {
                      failures.put(t, failure.get());
                      firstFailing.accumulateAndGet(t, Math::min);
                    }
                  }
                }));
      }
      for (Future<?> player : players) {
        player.get();
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    Duration cpu = Duration.ofNanos(processCpuNanos() - cpuBefore);
    if (!failures.isEmpty()) {
      int t = firstFailing.get();
      throw shrunk(gatewayFor(agreementOf(t)), scenarios.get(t), failures.get(t), t + 1);
    }
    System.out.printf(
        "Consent sequences against the oracle (seed %d; %d gateways; %.1f s, %.1f s of CPU): %s%n",
        seed, gateways.size(), took.toMillis() / 1000.0, cpu.toMillis() / 1000.0, counts);
    if (tries >= DEFAULT_TRIES) {
      // The run exercised what it claims to: a generator that stopped producing views, streams,
      // warm caches, shown items, sign-ins either way, views after signing in or searches either
      // way would pass vacuously.
      assertThat(counts.views.get()).isPositive();
      assertThat(counts.streams.get()).isPositive();
      assertThat(counts.warmViews.get()).isPositive();
      assertThat(counts.itemsShown.get()).isPositive();
      assertThat(counts.signIns.get()).isPositive();
      assertThat(counts.signInsRefused.get()).isPositive();
      assertThat(counts.signedInViews.get()).isPositive();
      assertThat(counts.searches.get()).isPositive();
      assertThat(counts.searchesRefused.get()).isPositive();
      assertThat(counts.restrictedListed.get()).isPositive();
    }
  }

  /** The agreement sequence (or gateway) number {@code i} runs under: each in turn. */
  private static SequenceGateway.Agreement agreementOf(int i) {
    SequenceGateway.Agreement[] all = SequenceGateway.Agreement.values();
    return all[i % all.length];
  }

  private SequenceGateway gatewayFor(SequenceGateway.Agreement agreement) {
    return gateways.stream().filter(g -> g.agreement() == agreement).findFirst().orElseThrow();
  }

  /**
   * CPU time of the whole test JVM (gateways and test alike), which a loaded machine does not
   * inflate.
   */
  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  private Optional<Throwable> play(
      SequenceGateway gateway, Scenario scenario, SequenceRun.Counts counts) {
    try {
      new SequenceRun(gateway, agreements.get(gateway.agreement()), scenario, counts).play();
      return Optional.empty();
    } catch (AssertionError | RuntimeException e) {
      return Optional.of(e);
    }
  }

  /**
   * Shrinks a failing scenario greedily: the first smaller one that still fails replaces it, until
   * none does (or the time allowed runs out), and reports that one's story.
   */
  private AssertionError shrunk(
      SequenceGateway gateway, Scenario failing, Throwable failure, int tryNumber) {
    SequenceRun.Counts shrinking = new SequenceRun.Counts();
    long deadline = System.nanoTime() + shrinkFor.toNanos();
    int steps = 0;
    Scenario smallest = failing;
    Throwable smallestFailure = failure;
    boolean smaller = true;
    while (smaller && System.nanoTime() < deadline) {
      smaller = false;
      for (Scenario candidate : Scenarios.smaller(smallest)) {
        Optional<Throwable> f = play(gateway, candidate, shrinking);
        if (f.isPresent()) {
          smallest = candidate;
          smallestFailure = f.get();
          steps++;
          smaller = true;
          break;
        }
        if (System.nanoTime() >= deadline) {
          break;
        }
      }
    }
    String message =
        ("Sequence %d of %d (seed %d), under %s, broke consent; shrunk from %d steps to %d in %d"
                + " rounds (%d sequences replayed).%n%s%n(replay: -Dcarelens.sequences.seed=%d)")
            .formatted(
                tryNumber,
                tries,
                seed,
                gateway.agreement().told,
                failing.steps().size(),
                smallest.steps().size(),
                steps,
                shrinking.sequences.get(),
                smallestFailure.getMessage(),
                seed);
    System.out.println(message);
    return new AssertionError(message, smallestFailure);
  }
}
