package org.carelens.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import org.carelens.sdk.spi.RequestContext;
import org.junit.jupiter.api.Test;

class TraceHeadersTest {

  @Test
  void a_call_carries_the_views_correlation_id_a_fresh_request_id_and_a_traceparent() {
    HttpRequest first = request("3b8a1f4e-8e0c-4a3a-9d65-0e9d4c8e9a11");
    HttpRequest second = request("3b8a1f4e-8e0c-4a3a-9d65-0e9d4c8e9a11");

    assertThat(first.headers().firstValue("X-Correlation-ID"))
        .contains("3b8a1f4e-8e0c-4a3a-9d65-0e9d4c8e9a11");
    assertThat(first.headers().firstValue("X-Request-ID").orElseThrow())
        .matches("[0-9a-f-]{36}")
        .isNotEqualTo(second.headers().firstValue("X-Request-ID").orElseThrow());
    // W3C Trace Context: one trace per view (from the correlation id), one parent per call.
    assertThat(first.headers().firstValue("traceparent").orElseThrow())
        .matches("00-3b8a1f4e8e0c4a3a9d650e9d4c8e9a11-[0-9a-f]{16}-01");
  }

  @Test
  void a_correlation_id_that_could_not_travel_in_a_header_is_sent_as_its_hash() {
    HttpRequest request = request("view\r\nX-Injected: yes");

    assertThat(request.headers().firstValue("X-Correlation-ID").orElseThrow())
        .matches("[0-9a-f]{32}");
    assertThat(request.headers().firstValue("X-Injected")).isEmpty();
    assertThat(request.headers().firstValue("traceparent").orElseThrow())
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  }

  private static HttpRequest request(String correlationId) {
    return TraceHeaders.apply(
            HttpRequest.newBuilder(URI.create("http://source.example/")),
            new RequestContext(correlationId, "u1", "Dr A", "R0260", "RY448", "Urgent care"))
        .build();
  }
}
