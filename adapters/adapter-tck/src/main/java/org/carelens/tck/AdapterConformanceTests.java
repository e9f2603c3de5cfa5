package org.carelens.tck;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.EmptyReason;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.spi.RequestContext;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;
import org.carelens.sdk.spi.SourceRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SPI contract of {@link SourceAdapter}, checked against a WireMock server standing in for the
 * source: loaded records carry provenance and codes; "no record" is {@link SourceOutcome.NoRecord};
 * every broken payload or transport failure becomes a {@link SourceOutcome.Failed} with a clear
 * message that names no patient, and never an exception; slow sources and interruption do not hang
 * the caller; concurrent calls give the same answers as sequential ones; one unreadable item costs
 * only itself (the section is {@link Completeness.Partial}, counting it) and a section that cannot
 * be read is {@link Completeness.Unavailable}, never an empty section that looks answered.
 *
 * <p>Run it through {@link AdapterTck}; it is not meant to be instantiated directly.
 */
@ExtendWith(AdapterTck.class)
public class AdapterConformanceTests {

  /** Generous next to the source's own timeout; a check that takes longer has hung. */
  private static final Duration HUNG = Duration.ofSeconds(15);

  private static final Duration SOURCE_TIMEOUT = Duration.ofSeconds(2);
  private static final int MAX_RESPONSE_BYTES = 512 * 1024;

  private static final RequestContext CONTEXT =
      new RequestContext(
          "tck-0f1e2d3c",
          "555000000001",
          "Dr Tess Kit",
          "S0030:G0100:R0260",
          "RY448",
          "Conformance Test Urgent Care");

  /**
   * How far past its configured time limit an adapter may take to report a source that never
   * answers: room for a loaded machine, far below the gateway's own deadline.
   */
  private static final Duration MARGIN = Duration.ofSeconds(2);

  /** The time limit the "never answers" check configures. */
  private static final Duration SHORT_LIMIT = Duration.ofSeconds(1);

  private static final String CORRELATION_HEADER = "X-Correlation-ID";

  /** Marks the kit's hanging response, so the kit knows when a call has reached it. */
  private static final String HANGS = "X-Tck-Hangs";

  private static final AtomicReference<CountDownLatch> HANGING =
      new AtomicReference<>(new CountDownLatch(1));

  private static final java.util.Queue<String> CORRELATION_IDS =
      new java.util.concurrent.ConcurrentLinkedQueue<>();

  private static @Nullable WireMockServer server;

  private static final java.util.concurrent.atomic.AtomicBoolean WARMED_UP =
      new java.util.concurrent.atomic.AtomicBoolean();

  private final AdapterTckProvider provider;
  private final List<SourceAdapter> adapters = new ArrayList<>();

  public AdapterConformanceTests(AdapterTckProvider provider) {
    this.provider = provider;
  }

  @BeforeAll
  static void startSource() {
    WireMockServer started =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("127.0.0.1")
                .disableRequestJournal()
                .extensions(
                    new ServeEventListener() {
                      @Override
                      public void afterMatch(ServeEvent event, Parameters parameters) {
                        CORRELATION_IDS.add(
                            String.valueOf(event.getRequest().getHeader(CORRELATION_HEADER)));
                        var headers = event.getResponseDefinition().getHeaders();
                        if (headers != null && headers.getHeader(HANGS).isPresent()) {
                          // The call that hangs was matched: its response is now being delayed.
                          HANGING.get().countDown();
                        }
                      }

                      @Override
                      public String getName() {
                        return "tck-matched-latch";
                      }
                    }));
    started.start();
    server = started;
  }

  @AfterAll
  static void stopSource() {
    WARMED_UP.set(false);
    if (server != null) {
      server.stop();
    }
  }

  @BeforeEach
  void resetSource() throws Exception {
    source().resetAll();
    if (WARMED_UP.compareAndSet(false, true)) {
      warmUp();
    }
    HANGING.set(new CountDownLatch(1));
    CORRELATION_IDS.clear();
  }

  /**
   * One untimed exchange before the first check, so that loading the adapter's classes, its HTTP
   * client and its parser (HAPI, Jackson, DOM) is not charged to whichever check runs first: on a
   * loaded machine that alone can exceed the source's 2 s timeout, and the check would then see a
   * time-out instead of the failure it looks for.
   */
  private void warmUp() throws Exception {
    provider.stubRecord(source(), AdapterTck.PATIENT);
    try (SourceAdapter adapter =
        provider.create(
            new TckSource(
                URI.create(source().baseUrl()), Duration.ofSeconds(30), MAX_RESPONSE_BYTES))) {
      adapter.warmUp();
      adapter.fetch(request(AdapterTck.PATIENT, allSections()));
    }
    source().resetAll();
  }

  @AfterEach
  void closeAdapters() {
    adapters.forEach(SourceAdapter::close);
    adapters.clear();
  }

  @Test
  void a_loaded_record_carries_provenance_and_coded_concepts() throws Exception {
    provider.stubRecord(source(), AdapterTck.PATIENT);
    SourceAdapter adapter = adapter();

    SourceOutcome outcome = adapter.fetch(request(AdapterTck.PATIENT, allSections()));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    var record = ((SourceOutcome.Loaded) outcome).record();
    List<ClinicalItem> items =
        record.sections().values().stream()
            .flatMap(content -> content.items().stream())
            .map(ClinicalItem.class::cast)
            .toList();
    if (provider.returnsClinicalItems()) {
      assertThat(items).as("items in a loaded record").isNotEmpty();
    } else {
      assertThat(record.patient()).as("identity from an identity-only source").isPresent();
    }
    record
        .patient()
        .ifPresent(identity -> assertThat(identity.nhsNumber()).isEqualTo(AdapterTck.PATIENT));
    for (ClinicalItem item : items) {
      assertThat(item.provenance().sourceId())
          .as("provenance source id of %s", item)
          .isEqualTo(adapter.descriptor().id());
      assertThat(item.provenance().sourceItemId()).as("source item id of %s", item).isNotBlank();
      assertThat(item.concept().system()).as("code system of %s", item).isNotBlank();
      assertThat(item.concept().display()).as("display text of %s", item).isNotBlank();
    }
  }

  @Test
  void a_loaded_record_holds_only_sections_that_were_asked_for_and_are_offered() throws Exception {
    assumeTrue(provider.returnsClinicalItems(), "identity-only sources return no sections");
    provider.stubRecord(source(), AdapterTck.PATIENT);
    SourceAdapter adapter = adapter();
    Set<Section> offered = adapter.descriptor().sections();
    Section withItems =
        loaded(adapter.fetch(request(AdapterTck.PATIENT, allSections()))).entrySet().stream()
            .filter(entry -> !entry.getValue().items().isEmpty())
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the provider's record has no items"));
    Set<Section> others = EnumSet.copyOf(offered);
    others.remove(withItems);

    Map<Section, SectionContent<?>> asked =
        loaded(adapter.fetch(request(AdapterTck.PATIENT, Set.of(withItems))));
    Map<Section, SectionContent<?>> notAsked =
        others.isEmpty() ? Map.of() : loaded(adapter.fetch(request(AdapterTck.PATIENT, others)));

    assertThat(offered).as("sections offered by the descriptor").contains(withItems);
    assertThat(asked.keySet())
        .as("sections when only %s was asked for", withItems)
        .containsOnly(withItems);
    assertThat(asked.get(withItems).items()).as("items of the one section asked for").isNotEmpty();
    assertThat(notAsked.keySet())
        .as("sections when %s was not asked for", withItems)
        .doesNotContain(withItems)
        .isSubsetOf(others);
  }

  @Test
  void every_call_carries_the_views_correlation_id() throws Exception {
    provider.stubRecord(source(), AdapterTck.PATIENT);

    SourceOutcome outcome = adapter().fetch(request(AdapterTck.PATIENT, allSections()));

    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    assertThat(CORRELATION_IDS)
        .as("%s of the calls the adapter made", CORRELATION_HEADER)
        .contains(CONTEXT.correlationId())
        .allSatisfy(
            id ->
                assertThat(id)
                    .as("a call with another correlation id")
                    .isIn(CONTEXT.correlationId(), "null"));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {401, 403, 410, 500, 502, 503})
  void an_error_status_is_a_source_error_naming_the_status(int status) throws Exception {
    answer(
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Error</body></html>"));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.SOURCE_ERROR);
    assertThat(((SourceOutcome.Failed) outcome).detail()).contains(String.valueOf(status));
  }

  @Test
  void too_many_requests_is_a_source_error_that_says_when_to_ask_again() throws Exception {
    answer(
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "30")
            .withHeader("Content-Type", "text/plain")
            .withBody("slow down"));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.SOURCE_ERROR);
    assertThat(((SourceOutcome.Failed) outcome).detail()).contains("429").contains("30 s");
  }

  @Test
  void a_not_found_without_the_sources_error_code_means_what_the_adapter_declares()
      throws Exception {
    answer(
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Not Found</body></html>"));

    SourceOutcome outcome = fetchPatient();

    if (provider.bareNotFoundIsNoRecord()) {
      assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
    } else {
      assertFailed(outcome, Kind.SOURCE_ERROR);
    }
  }

  @Test
  void one_unreadable_item_among_readable_ones_gives_the_readable_ones_and_a_partial_section()
      throws Exception {
    assumeTrue(provider.returnsClinicalItems(), "identity-only sources return no sections");
    Section section = provider.stubOneUnreadableItem(source(), AdapterTck.PATIENT);

    SourceOutcome outcome = fetchPatient();

    assertThat(outcome)
        .as("a record with one unreadable item")
        .isInstanceOf(SourceOutcome.Loaded.class);
    SectionContent<?> content =
        ((SourceOutcome.Loaded) outcome)
            .record()
            .section(section)
            .orElseThrow(() -> new AssertionError("section " + section.key() + " was dropped"));
    assertThat(content.items()).as("the readable %s items", section.key()).isNotEmpty();
    assertThat(content.completeness())
        .as("completeness of %s", section.key())
        .isInstanceOfSatisfying(
            Completeness.Partial.class,
            partial -> {
              assertThat(partial.unreadableItems()).as("unreadable items").isEqualTo(1);
              assertNamesNoPatient(partial.reason());
            });
  }

  @Test
  void a_section_that_cannot_be_read_is_unavailable_never_an_empty_answer() throws Exception {
    assumeTrue(provider.returnsClinicalItems(), "identity-only sources return no sections");
    Section section = provider.stubUnreadableSection(source(), AdapterTck.PATIENT);

    SourceOutcome outcome = fetchPatient();

    assertThat(outcome)
        .as("a record with one unreadable section")
        .isInstanceOf(SourceOutcome.Loaded.class);
    SectionContent<?> content =
        ((SourceOutcome.Loaded) outcome)
            .record()
            .section(section)
            .orElseThrow(
                () -> new AssertionError("section " + section.key() + " was silently dropped"));
    assertThat(content.items()).as("items of an unreadable section").isEmpty();
    assertThat(content.completeness())
        .as("completeness of %s", section.key())
        .isInstanceOfSatisfying(
            Completeness.Unavailable.class, u -> assertNamesNoPatient(u.reason()));
    assertThat(content.emptyReason()).contains(EmptyReason.UNAVAILABLE);
  }

  @Test
  void a_patient_the_source_does_not_know_is_no_record() throws Exception {
    provider.stubNoRecord(source(), AdapterTck.PATIENT);

    SourceOutcome outcome = adapter().fetch(request(AdapterTck.PATIENT, allSections()));

    assertThat(outcome).isInstanceOf(SourceOutcome.NoRecord.class);
    assertNamesNoPatient(((SourceOutcome.NoRecord) outcome).detail());
  }

  @Test
  void a_malformed_payload_is_a_failed_outcome() throws Exception {
    answer(ok("\u0000<{[ this is not a payload in any format ]}>"));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD);
  }

  @Test
  void a_truncated_payload_is_a_failed_outcome() throws Exception {
    String whole = provider.validPayload(AdapterTck.PATIENT);
    answer(ok(whole.substring(0, whole.length() / 2)));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD);
  }

  @Test
  void a_wrongly_typed_payload_is_a_failed_outcome() throws Exception {
    answer(ok(provider.wronglyTypedPayload(AdapterTck.PATIENT)));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD);
  }

  @Test
  void an_oversized_payload_is_a_failed_outcome() throws Exception {
    String valid = provider.validPayload(AdapterTck.PATIENT);
    assertThat(valid.getBytes(StandardCharsets.UTF_8).length)
        .as("the provider's valid payload must fit the kit's size limit")
        .isLessThan(MAX_RESPONSE_BYTES);
    // Still well-formed (trailing white space), so only the size limit can refuse it.
    answer(ok(valid + " ".repeat(MAX_RESPONSE_BYTES + 1)));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD);
  }

  @Test
  void an_empty_body_is_a_failed_outcome() throws Exception {
    answer(ok(""));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.MALFORMED_PAYLOAD);
  }

  @Test
  void a_server_error_is_a_source_error() throws Exception {
    answer(
        aResponse()
            .withStatus(500)
            .withHeader("Content-Type", "text/html")
            .withBody("<html><body>Internal Server Error</body></html>"));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, Kind.SOURCE_ERROR);
  }

  @Test
  void a_connection_reset_is_reported_not_thrown() throws Exception {
    answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, null);
  }

  @Test
  void an_empty_response_is_reported_not_thrown() throws Exception {
    answer(aResponse().withFault(Fault.EMPTY_RESPONSE));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, null);
  }

  @Test
  void random_bytes_then_close_is_reported_not_thrown() throws Exception {
    answer(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));

    SourceOutcome outcome = fetchPatient();

    assertFailed(outcome, null);
  }

  @Test
  void a_source_that_never_answers_is_reported_within_the_adapters_time_limit() {
    answer(hanging());
    SourceAdapter adapter = adopt(provider.create(tckSource().withRequestTimeout(SHORT_LIMIT)));

    SourceOutcome outcome =
        assertTimeoutPreemptively(
            SHORT_LIMIT.plus(MARGIN),
            () -> adapter.fetch(request(AdapterTck.PATIENT, allSections())),
            "the adapter's time limit is " + SHORT_LIMIT + "; it must give up by then");

    assertFailed(outcome, null);
  }

  @Test
  void a_source_that_refuses_connections_is_unreachable() throws Exception {
    SourceAdapter adapter =
        adopt(
            provider.create(
                new TckSource(
                    URI.create("http://127.0.0.1:" + closedPort()),
                    SOURCE_TIMEOUT,
                    MAX_RESPONSE_BYTES)));

    SourceOutcome outcome =
        assertTimeoutPreemptively(
            HUNG, () -> adapter.fetch(request(AdapterTck.PATIENT, allSections())));

    assertFailed(outcome, Kind.UNREACHABLE);
  }

  @Test
  void an_interrupt_during_the_hanging_call_stops_the_fetch_promptly() throws Exception {
    answer(hanging());
    SourceAdapter patient = adopt(provider.create(tckSource().withRequestTimeout(HUNG)));
    AtomicReference<@Nullable Object> result = new AtomicReference<>();
    Thread caller =
        Thread.ofPlatform()
            .start(
                () -> {
                  try {
                    result.set(patient.fetch(request(AdapterTck.PATIENT, allSections())));
                  } catch (InterruptedException e) {
                    result.set(e);
                  }
                });
    assertThat(HANGING.get().await(HUNG.toSeconds(), TimeUnit.SECONDS))
        .as("the adapter reached the call that hangs")
        .isTrue();
    assertThat(caller.isAlive()).as("the fetch is waiting on the hanging call").isTrue();

    caller.interrupt();

    caller.join(Duration.ofSeconds(5));
    assertThat(caller.isAlive()).as("fetch still running after interruption").isFalse();
    assertThat(result.get())
        .as("an interrupted fetch throws InterruptedException or returns an outcome")
        .isNotNull();
  }

  @Test
  void concurrent_fetches_give_the_same_results_as_sequential_ones() throws Exception {
    provider.stubRecord(source(), AdapterTck.PATIENT);
    provider.stubRecord(source(), AdapterTck.OTHER_PATIENT);
    SourceAdapter adapter = adapter();
    SourceOutcome first = adapter.fetch(request(AdapterTck.PATIENT, allSections()));
    SourceOutcome second = adapter.fetch(request(AdapterTck.OTHER_PATIENT, allSections()));
    assertThat(first).isInstanceOf(SourceOutcome.Loaded.class);
    assertThat(first)
        .as(
            "the provider must serve distinguishable records for the two patients (e.g. item ids"
                + " carrying the NHS number), so that a crossed answer can be detected")
        .isNotEqualTo(second);

    List<Future<SourceOutcome>> outcomes = new ArrayList<>();
    try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
      for (int i = 0; i < 32; i++) {
        NhsNumber patient = i % 2 == 0 ? AdapterTck.PATIENT : AdapterTck.OTHER_PATIENT;
        outcomes.add(callers.submit(() -> adapter.fetch(request(patient, allSections()))));
      }
    }

    for (int i = 0; i < outcomes.size(); i++) {
      assertThat(outcomes.get(i).get()).isEqualTo(i % 2 == 0 ? first : second);
    }
  }

  @Test
  void the_descriptor_is_stable_and_offers_sections_or_identity() {
    SourceAdapter adapter = adapter();

    var descriptor = adapter.descriptor();

    assertThat(adapter.descriptor()).isEqualTo(descriptor);
    assertThat(descriptor.id()).matches("[a-z][a-z0-9-]*");
    assertThat(descriptor.name()).isNotBlank();
    if (provider.returnsClinicalItems()) {
      assertThat(descriptor.sections()).isNotEmpty();
    }
  }

  private SourceOutcome fetchPatient() throws Exception {
    SourceAdapter adapter = adapter();
    return assertTimeoutPreemptively(
        HUNG, () -> adapter.fetch(request(AdapterTck.PATIENT, allSections())));
  }

  private static Map<Section, SectionContent<?>> loaded(SourceOutcome outcome) {
    assertThat(outcome).isInstanceOf(SourceOutcome.Loaded.class);
    return ((SourceOutcome.Loaded) outcome).record().sections();
  }

  /** A valid answer that comes a minute late: a source that never answers, as far as it matters. */
  private ResponseDefinitionBuilder hanging() {
    return ok(provider.validPayload(AdapterTck.PATIENT))
        .withHeader(HANGS, "true")
        .withFixedDelay(60_000);
  }

  private void answer(ResponseDefinitionBuilder response) {
    provider.stubDataResponse(source(), AdapterTck.PATIENT, response);
  }

  private ResponseDefinitionBuilder ok(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", provider.contentType())
        .withBody(body);
  }

  private static void assertFailed(SourceOutcome outcome, @Nullable Kind kind) {
    assertThat(outcome).isInstanceOf(SourceOutcome.Failed.class);
    SourceOutcome.Failed failed = (SourceOutcome.Failed) outcome;
    if (kind != null) {
      assertThat(failed.kind()).as("failure kind (%s)", failed.detail()).isEqualTo(kind);
    }
    assertThat(failed.detail()).as("failure detail").isNotBlank();
    assertNamesNoPatient(failed.detail());
  }

  private static void assertNamesNoPatient(String detail) {
    assertThat(detail)
        .as("an outcome's detail must not carry patient data")
        .doesNotContain(AdapterTck.PATIENT.value())
        .doesNotContain(AdapterTck.PATIENT.formatted());
  }

  private SourceAdapter adapter() {
    return adopt(provider.create(tckSource()));
  }

  private SourceAdapter adopt(SourceAdapter adapter) {
    adapters.add(adapter);
    return adapter;
  }

  private static TckSource tckSource() {
    String base = source().baseUrl();
    return new TckSource(URI.create(base), SOURCE_TIMEOUT, MAX_RESPONSE_BYTES);
  }

  private static Set<Section> allSections() {
    return EnumSet.allOf(Section.class);
  }

  private static SourceRequest request(NhsNumber patient, Set<Section> sections) {
    return new SourceRequest(patient, sections, CONTEXT);
  }

  private static WireMockServer source() {
    WireMockServer running = server;
    if (running == null) {
      throw new IllegalStateException("the simulated source is not running");
    }
    return running;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
