package org.carelens.gateway.fanout;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.SourceDescriptor;

/**
 * One source's contribution to a view.
 *
 * @param record present when the status is OK (fresh or from cache)
 * @param detail what went wrong, in words, when the status is not OK; never patient data
 * @param reasonCode the source's reason when WITHHELD, e.g. {@code NO_PATIENT_CONSENT}
 * @param cached the record was served from the gateway's cache rather than the source just now
 * @param retrievedAt when the record was fetched from the source
 */
public record SourceResult(
    SourceDescriptor source,
    SourceStatus status,
    Optional<SourceRecord> record,
    Optional<String> detail,
    Optional<String> reasonCode,
    Duration elapsed,
    boolean cached,
    Optional<Instant> retrievedAt) {

  static SourceResult failed(
      SourceDescriptor source, SourceStatus status, String detail, Duration elapsed) {
    return new SourceResult(
        source,
        status,
        Optional.empty(),
        Optional.of(detail),
        Optional.empty(),
        elapsed,
        false,
        Optional.empty());
  }
}
