package org.carelens.adapters.socialcare.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.carelens.adapters.http.ExchangeFailedException;
import org.carelens.sdk.spi.SourceOutcome.Failed.Kind;

/**
 * JSON reading for the adapter. Parser messages can quote the payload, so only positions go out.
 */
final class Json {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  static JsonNode parse(byte[] body, String what) throws ExchangeFailedException {
    if (body.length == 0) {
      throw new ExchangeFailedException(
          Kind.MALFORMED_PAYLOAD, what + ": HTTP 200 with an empty body, where JSON was expected");
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ExchangeFailedException(
            Kind.MALFORMED_PAYLOAD, what + ": the body is JSON but not an object");
      }
      return node;
    } catch (JsonProcessingException e) {
      var location = e.getLocation();
      throw new ExchangeFailedException(
          Kind.MALFORMED_PAYLOAD,
          "%s: the body is not valid JSON (%d bytes%s)"
              .formatted(
                  what,
                  body.length,
                  location == null
                      ? ""
                      : "; line %d, column %d"
                          .formatted(location.getLineNr(), location.getColumnNr())));
    } catch (IOException e) {
      throw new ExchangeFailedException(
          Kind.MALFORMED_PAYLOAD, what + ": the body cannot be read as JSON");
    }
  }
}
