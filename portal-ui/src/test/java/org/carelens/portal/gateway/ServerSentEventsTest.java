package org.carelens.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

  private static List<ServerSentEvents.Message> feed(String... lines) {
    ServerSentEvents parser = new ServerSentEvents();
    List<ServerSentEvents.Message> out = new ArrayList<>();
    for (String line : lines) {
      parser.line(line).ifPresent(out::add);
    }
    return out;
  }

  @Test
  void a_named_event_is_dispatched_at_the_blank_line_with_its_data() {
    List<ServerSentEvents.Message> messages =
        feed("id: 1", "event: source", "data: {\"id\":\"gp\"}", "");

    assertThat(messages).containsExactly(new ServerSentEvents.Message("source", "{\"id\":\"gp\"}"));
  }

  @Test
  void several_data_lines_are_joined_with_newlines_and_only_one_leading_space_is_removed() {
    List<ServerSentEvents.Message> messages =
        feed("event: complete", "data:{\"a\":", "data:  1}", "");

    assertThat(messages).containsExactly(new ServerSentEvents.Message("complete", "{\"a\":\n 1}"));
  }

  @Test
  void comments_and_events_without_data_are_not_dispatched() {
    List<ServerSentEvents.Message> messages = feed(": keep-alive", "", "event: source", "");

    assertThat(messages).isEmpty();
  }

  @Test
  void an_unnamed_event_is_a_message_and_the_name_does_not_carry_over() {
    List<ServerSentEvents.Message> messages = feed("event: source", "data: 1", "", "data: 2", "");

    assertThat(messages)
        .containsExactly(
            new ServerSentEvents.Message("source", "1"),
            new ServerSentEvents.Message("message", "2"));
  }

  @Test
  void a_stream_cut_off_before_the_blank_line_dispatches_nothing() {
    ServerSentEvents parser = new ServerSentEvents();

    Optional<ServerSentEvents.Message> last = parser.line("event: complete");
    Optional<ServerSentEvents.Message> data = parser.line("data: {\"half\":");

    assertThat(last).isEmpty();
    assertThat(data).isEmpty();
  }
}
