package org.carelens.bench.peer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * One call's answer, its body parsed as it arrives (on the thread that made the call).
 *
 * @param status the HTTP status, or 0 when there was none
 * @param json the parsed body of a 2xx answer, or null
 * @param failure what went wrong (transport, status, body), or null
 * @param timedOut no answer within the time limit
 */
public record Answer(
    int status, @Nullable JsonNode json, @Nullable String failure, boolean timedOut) {

  static final ObjectMapper JSON = JsonMapper.builder().build();

  /** An HTTP answer: a 2xx body is parsed; 404 means the source has no record. */
  static Answer of(int status, byte[] body, String what) {
    if (status == 404) {
      return new Answer(status, null, null, false);
    }
    if (status < 200 || status > 299) {
      return new Answer(status, null, "HTTP " + status + " from " + what, false);
    }
    try {
      return new Answer(status, JSON.readTree(body), null, false);
    } catch (IOException e) {
      return new Answer(
          status, null, what + " answered " + body.length + " bytes that are not JSON", false);
    }
  }

  static Answer failed(String detail) {
    return new Answer(0, null, detail, false);
  }

  static Answer timedOut(String detail) {
    return new Answer(0, null, detail, true);
  }
}
