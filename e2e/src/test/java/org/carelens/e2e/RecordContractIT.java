package org.carelens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.carelens.portal.gateway.RecordView;
import org.carelens.simulators.population.Population;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One record contract (issue 12): the record JSON a real gateway sends (started here with the
 * simulators, as {@code ./carelens demo} runs it; its OpenAPI document describes the same {@code
 * RecordView}) goes through the portal's own decoder ({@code org.carelens.portal.gateway}), is
 * encoded again, and must still hold every field the gateway sent. A field the gateway renames, or
 * the portal's model drops or renames, fails here with its path, instead of vanishing from a
 * clinician's screen.
 *
 * <p>Fields whose value is null, empty text or an empty list are not compared: the portal's encoder
 * may leave them out. The showcase patient's record fills every section the demo sources offer.
 */
class RecordContractIT {

  private static CarelensProcesses carelens;

  @BeforeAll
  static void start() throws Exception {
    carelens = CarelensProcesses.started();
  }

  @AfterAll
  static void stop() {
    if (carelens != null) {
      carelens.close();
    }
  }

  @Test
  void the_portal_decodes_every_field_of_the_gateways_record_response() throws Exception {
    HttpResponse<String> response = carelens.record("ooh-doctor", Population.SHOWCASE_NHS_NUMBER);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonMapper json = JsonMapper.createDefault();
    byte[] sent = response.body().getBytes(StandardCharsets.UTF_8);

    RecordView decoded = json.readValue(sent, Argument.of(RecordView.class));

    Set<String> gateway = paths(json.readValue(sent, Argument.of(JsonNode.class)));
    Set<String> portal =
        paths(json.readValue(json.writeValueAsBytes(decoded), Argument.of(JsonNode.class)));
    assertThat(gateway)
        .as("fields of the gateway's record response (a fixture with nothing in it proves nothing)")
        .hasSizeGreaterThan(40)
        .contains("sources[].status", "sections.allergies.items[].concept.code");
    assertThat(portal)
        .as("fields that survive the portal's decoder (org.carelens.portal.gateway.RecordView)")
        .containsAll(gateway);
  }

  /** Every path to a non-null, non-empty value, with {@code []} for "an element of a list". */
  private static Set<String> paths(JsonNode root) {
    Set<String> paths = new TreeSet<>();
    collect(root, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, Set<String> paths) {
    boolean empty =
        node.isNull()
            || ((node.isArray() || node.isObject()) && node.size() == 0)
            || (node.isString() && node.getStringValue().isEmpty());
    if (empty) {
      return;
    }
    if (!path.isEmpty()) {
      paths.add(path);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.entries()) {
        collect(
            field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node.values()) {
        collect(element, path + "[]", paths);
      }
    }
  }
}
