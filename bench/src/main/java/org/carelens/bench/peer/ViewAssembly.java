package org.carelens.bench.peer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON work both peers do: each source's answers become one result (its status and the items
 * its payloads hold, as parsed Jackson trees), and the results one JSON view. The view's {@code
 * sources} array has the gateway's field order, so the bench's load generator reads both alike;
 * {@code items} holds every source's resources as they came, unmapped and unmerged.
 */
public final class ViewAssembly {

  /**
   * One source's part of a view.
   *
   * @param status {@code OK}, {@code NO_RECORD} (no items, or HTTP 404), {@code ERROR} or {@code
   *     TIMEOUT}
   * @param detail why, when not OK
   */
  public record SourceResult(
      PeerSource source,
      String status,
      long elapsedMs,
      @Nullable String detail,
      List<JsonNode> items) {}

  private ViewAssembly() {}

  /** The result of one source's answers, {@code elapsedNanos} after its first call was made. */
  static SourceResult result(PeerSource source, List<Answer> answers, long elapsedNanos) {
    long ms = elapsedNanos / 1_000_000;
    for (Answer answer : answers) {
      if (answer.timedOut()) {
        return new SourceResult(source, "TIMEOUT", ms, answer.failure(), List.of());
      }
    }
    for (Answer answer : answers) {
      if (answer.failure() != null) {
        return new SourceResult(source, "ERROR", ms, answer.failure(), List.of());
      }
    }
    List<JsonNode> items = new ArrayList<>();
    for (Answer answer : answers) {
      if (answer.json() != null) {
        items(answer.json(), items);
      }
    }
    return new SourceResult(source, items.isEmpty() ? "NO_RECORD" : "OK", ms, null, items);
  }

  /** A source that had not answered when the view's time limit passed. */
  static SourceResult timedOut(PeerSource source, Duration limit) {
    return new SourceResult(
        source,
        "TIMEOUT",
        limit.toMillis(),
        "no answer within the time limit of " + limit.toMillis() + " ms",
        List.of());
  }

  /**
   * The items a payload holds: a FHIR Bundle's entry resources, a council page's {@code content},
   * the pharmacy's {@code dispensed} list, or a single FHIR resource (PDS's Patient).
   */
  static void items(JsonNode body, List<JsonNode> into) {
    if (body.has("entry")) {
      for (JsonNode entry : body.get("entry")) {
        JsonNode resource = entry.get("resource");
        if (resource != null) {
          into.add(resource);
        }
      }
    } else if (body.has("content")) {
      body.get("content").forEach(into::add);
    } else if (body.has("dispensed")) {
      body.get("dispensed").forEach(into::add);
    } else if (body.has("resourceType") && !body.path("resourceType").asText().equals("Bundle")) {
      into.add(body);
    }
  }

  /**
   * The view: every source in {@link PeerSource} order, those without a result marked {@code
   * TIMEOUT} after {@code timeLimit}.
   */
  static byte[] view(String nhsNumber, Collection<SourceResult> results, Duration timeLimit) {
    Map<PeerSource, SourceResult> bySource = new EnumMap<>(PeerSource.class);
    for (SourceResult result : results) {
      bySource.put(result.source(), result);
    }
    for (PeerSource source : PeerSource.values()) {
      bySource.computeIfAbsent(source, s -> timedOut(s, timeLimit));
    }
    String now = Instant.now().toString();
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try (JsonGenerator json = Answer.JSON.getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeObjectFieldStart("patient");
      json.writeStringField("nhsNumber", nhsNumber);
      json.writeEndObject();
      json.writeArrayFieldStart("sources");
      for (SourceResult result : bySource.values()) {
        json.writeStartObject();
        json.writeStringField("id", result.source().id());
        json.writeStringField("name", result.source().displayName());
        json.writeStringField("status", result.status());
        json.writeNumberField("elapsedMs", result.elapsedMs());
        json.writeBooleanField("cached", false);
        json.writeStringField("retrievedAt", result.status().equals("OK") ? now : null);
        json.writeNullField("reason");
        json.writeStringField("detail", result.detail());
        json.writeNumberField("items", result.items().size());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("items");
      for (SourceResult result : bySource.values()) {
        json.writeArrayFieldStart(result.source().id());
        for (JsonNode item : result.items()) {
          json.writeTree(item);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
