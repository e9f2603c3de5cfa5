package org.carelens.portal.gateway;

import java.util.Optional;

/**
 * Reads a {@code text/event-stream} line by line into events, as the HTML Living Standard's event
 * stream interpretation describes (§9.2.6): {@code event:} names the event, each {@code data:} line
 * adds a line of data, a line starting with a colon is a comment, and a blank line dispatches. One
 * instance per stream; not thread-safe.
 */
final class ServerSentEvents {

  /** One dispatched event; {@code name} is {@code message} when the stream named none. */
  record Message(String name, String data) {}

  private String name = "";
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /**
   * Feeds one line (without its line ending).
   *
   * @return the event the line completed, if it was the blank line ending one with data
   */
  Optional<Message> line(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    // "If value starts with a U+0020 SPACE character, remove it from value."
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "data" -> {
        if (hasData) {
          data.append('\n');
        }
        data.append(value);
        hasData = true;
      }
      default -> {
        // id and retry matter only to a reconnecting EventSource; unknown fields are ignored.
      }
    }
    return Optional.empty();
  }

  private Optional<Message> dispatch() {
    // An event with no data lines is not dispatched (the spec's "data buffer is empty" rule).
    Optional<Message> message =
        hasData
            ? Optional.of(new Message(name.isEmpty() ? "message" : name, data.toString()))
            : Optional.empty();
    name = "";
    data.setLength(0);
    hasData = false;
    return message;
  }
}
