package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What one source contributed to this view.
 *
 * @param status one of {@code OK, NO_RECORD, WITHHELD, TIMEOUT, CIRCUIT_OPEN, ERROR}; kept as text
 *     so a status added to the gateway later is still shown rather than failing the page
 * @param cached true when the data came from the gateway's short-lived cache
 * @param retrievedAt when the data was fetched from the source (its age when cached)
 * @param reason the reason code when withheld, e.g. {@code NO_PATIENT_CONSENT} or {@code
 *     PERMISSION_TO_VIEW_REQUIRED}; null otherwise
 * @param detail a human-readable explanation, or null
 * @param incompleteSections sections the source answered but could not read completely (status
 *     stays {@code OK}); missing from older gateways, read as none
 * @param obligations what the policy asks the display to do for this source, e.g. {@code
 *     PROMPT_FOR_PERMISSION}; missing from older gateways, read as none (the record contract test,
 *     {@code RecordContractIT}, found it was not decoded)
 */
@Serdeable
public record SourceView(
    String id,
    String name,
    String status,
    long elapsedMs,
    boolean cached,
    @Nullable Instant retrievedAt,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable List<IncompleteSection> incompleteSections,
    @Nullable List<String> obligations) {

  public SourceView {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    incompleteSections = incompleteSections == null ? List.of() : List.copyOf(incompleteSections);
    obligations = obligations == null ? List.of() : List.copyOf(obligations);
  }

  /** A source from a gateway that does not report per-source obligations. */
  public SourceView(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail,
      @Nullable List<IncompleteSection> incompleteSections) {
    this(
        id, name, status, elapsedMs, cached, retrievedAt, reason, detail, incompleteSections, null);
  }

  /** A source from a gateway that does not report incomplete sections. */
  public SourceView(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail) {
    this(id, name, status, elapsedMs, cached, retrievedAt, reason, detail, null, null);
  }

  /** What the policy asks the display to do for this source; empty when nothing. */
  @Override
  public List<String> obligations() {
    return Objects.requireNonNull(obligations);
  }

  /** The sections this source answered but could not read completely; empty when complete. */
  @Override
  public List<IncompleteSection> incompleteSections() {
    return Objects.requireNonNull(incompleteSections);
  }

  public Optional<String> detailIfAny() {
    return Optional.ofNullable(detail).filter(d -> !d.isBlank());
  }

  public Optional<String> reasonIfAny() {
    return Optional.ofNullable(reason).filter(r -> !r.isBlank());
  }

  public Optional<Instant> retrievedAtIfKnown() {
    return Optional.ofNullable(retrievedAt);
  }
}
