package org.carelens.gateway.faults;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** One Server-Sent Event as read off the wire (WHATWG HTML, "Server-sent events"). */
record SseEvent(String name, String rawData) {

  Map<String, Object> data(JsonMapper json) {
    try {
      return json.readValue(rawData, Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads events until the stream ends; a blank line ends each event. */
  static List<SseEvent> parse(Stream<String> lines) {
    List<SseEvent> events = new ArrayList<>();
    String name = "message";
    StringBuilder data = new StringBuilder();
    for (String line : (Iterable<String>) lines::iterator) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          events.add(new SseEvent(name, data.toString()));
        }
        name = "message";
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        if (!data.isEmpty()) {
          data.append('\n');
        }
        data.append(line.substring(5).stripLeading());
      }
    }
    if (!data.isEmpty()) {
      events.add(new SseEvent(name, data.toString()));
    }
    return events;
  }
}
