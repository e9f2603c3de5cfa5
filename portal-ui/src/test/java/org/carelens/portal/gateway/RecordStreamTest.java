package org.carelens.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.carelens.portal.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordStreamTest {

  private static final String STREAM_PATH = "/api/v1/patients/9990000018/record/stream";
  private static final String GP_EVENT =
      """
      {"id":"gp","name":"GP practice (GP Connect)","status":"OK","elapsedMs":143,"cached":false,\
      "retrievedAt":"2026-11-22T04:00:01Z","reason":null,"detail":null,"obligations":[],\
      "sections":{"allergies":{"withheld":false,"notice":null,"state":"KNOWN","items":[{"id":"a1",\
      "concept":{"system":"http://snomed.info/sct","code":"91936005","display":"Allergy to penicillin"},\
      "status":"ACTIVE","sources":[{"id":"gp","name":"GP practice (GP Connect)","itemId":"gp-a1"}],\
      "conflict":false}]}}}""";
  private static final String ACUTE_EVENT =
      """
      {"id":"acute","name":"Leeds Teaching Hospitals","status":"TIMEOUT","elapsedMs":3000,\
      "cached":false,"retrievedAt":null,"reason":null,"detail":"No answer within 3 s",\
      "obligations":[],"sections":{}}""";

  private static WireMockServer gatewayStub;
  private static ApplicationContext context;
  private static GatewayClient client;

  /** What the listener heard, in order, as short descriptions. */
  private final List<String> heard = new CopyOnWriteArrayList<>();

  private final RecordStreamListener listener =
      new RecordStreamListener() {
        @Override
        public void source(SourceEvent event) {
          heard.add("source " + event.id() + " " + event.status());
        }

        @Override
        public void complete(RecordView record) {
          heard.add("complete " + record.sources().size() + " sources");
        }

        @Override
        public void failed(GatewayException failure) {
          heard.add("failed " + failure.status() + " " + failure.code());
        }
      };

  @BeforeAll
  static void start() {
    gatewayStub = new WireMockServer(options().dynamicPort());
    gatewayStub.start();
    context = ApplicationContext.run(Map.of(GatewayClient.URL_PROPERTY, gatewayStub.baseUrl()));
    client = context.getBean(GatewayClient.class);
  }

  @AfterAll
  static void stop() {
    context.close();
    gatewayStub.stop();
  }

  @BeforeEach
  void reset() {
    gatewayStub.resetAll();
  }

  private static String sse(String name, String json) {
    return "event: " + name + "\ndata: " + json.replace("\n", "") + "\n\n";
  }

  private static void stubStream(String body) {
    gatewayStub.stubFor(
        get(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(body)));
  }

  private RecordStream streamAndWait() throws InterruptedException {
    RecordStream stream = client.streamRecord("gw-access-123", "9990000018", listener);
    assertThat(stream.awaitEnd(Duration.ofSeconds(10))).as("stream ended").isTrue();
    return stream;
  }

  @Test
  void each_source_event_is_heard_in_order_and_then_the_merged_view() throws Exception {
    stubStream(
        ": opened\n\n"
            + sse("source", GP_EVENT)
            + sse("source", ACUTE_EVENT)
            + sse("complete", Fixtures.read("record-jones.json")));

    RecordStream stream = streamAndWait();

    assertThat(heard).containsExactly("source gp OK", "source acute TIMEOUT", "complete 3 sources");
    assertThat(stream.isFinished()).isTrue();
    gatewayStub.verify(
        getRequestedFor(urlEqualTo(STREAM_PATH))
            .withHeader("Authorization", equalTo("Bearer gw-access-123")));
  }

  @Test
  void a_source_event_carries_that_sources_items_and_its_status_as_in_the_record_view()
      throws Exception {
    List<SourceEvent> events = new CopyOnWriteArrayList<>();
    stubStream(sse("source", GP_EVENT) + sse("complete", Fixtures.read("record-jones.json")));

    RecordStream stream =
        client.streamRecord(
            "gw-access-123",
            "9990000018",
            new RecordStreamListener() {
              @Override
              public void source(SourceEvent event) {
                events.add(event);
              }

              @Override
              public void complete(RecordView record) {}

              @Override
              public void failed(GatewayException failure) {}
            });
    assertThat(stream.awaitEnd(Duration.ofSeconds(10))).isTrue();

    SourceEvent gp = events.getFirst();
    assertThat(gp.source().name()).isEqualTo("GP practice (GP Connect)");
    assertThat(gp.source().elapsedMs()).isEqualTo(143);
    assertThat(gp.sections().allergies().items())
        .extracting(a -> a.concept().display())
        .containsExactly("Allergy to penicillin");
  }

  @Test
  void a_stream_that_ends_without_the_merged_view_is_a_failure_never_a_completion()
      throws Exception {
    stubStream(sse("source", GP_EVENT));

    streamAndWait();

    assertThat(heard)
        .containsExactly("source gp OK", "failed 502 " + GatewayClient.STREAM_INCOMPLETE);
  }

  @Test
  void a_refusal_before_the_stream_starts_keeps_the_gateways_status_and_code() throws Exception {
    gatewayStub.stubFor(
        get(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/problem+json")
                    .withBody(
                        "{\"title\":\"Forbidden\",\"status\":403,\"code\":\"PATIENT_NOT_IN_SESSION\","
                            + "\"detail\":\"This session is for another patient.\"}")));

    streamAndWait();

    assertThat(heard).containsExactly("failed 403 PATIENT_NOT_IN_SESSION");
  }

  @Test
  void an_unreadable_merged_view_is_reported_as_unreadable() throws Exception {
    stubStream(sse("complete", "{\"patient\": 42}"));

    streamAndWait();

    assertThat(heard).containsExactly("failed 502 " + GatewayException.UNREADABLE);
  }

  @Test
  void a_cancelled_stream_reports_nothing_more() throws Exception {
    gatewayStub.stubFor(
        get(urlEqualTo(STREAM_PATH))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/event-stream")
                    .withBody(sse("complete", Fixtures.read("record-jones.json")))
                    .withFixedDelay(5_000)));

    RecordStream stream = client.streamRecord("gw-access-123", "9990000018", listener);
    stream.cancel();

    assertThat(stream.awaitEnd(Duration.ofSeconds(10))).isTrue();
    assertThat(stream.isFinished()).isTrue();
    assertThat(heard).isEmpty();
  }
}
