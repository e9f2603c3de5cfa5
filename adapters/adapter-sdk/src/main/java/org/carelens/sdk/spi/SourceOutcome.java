package org.carelens.sdk.spi;

import java.util.Objects;
import org.carelens.sdk.model.SourceRecord;

/**
 * What a source call produced. Adapters report every source-side failure as a value; they never
 * throw for a failure of the source or its payload. Time-outs and open circuits are decided by the
 * gateway, not by adapters, so they are not outcomes here.
 */
public sealed interface SourceOutcome {

  /** The source answered with a record for the patient. */
  record Loaded(SourceRecord record) implements SourceOutcome {
    public Loaded {
      Objects.requireNonNull(record, "record");
    }
  }

  /** The source answered that it holds no record for this NHS number. */
  record NoRecord(String detail) implements SourceOutcome {
    public NoRecord {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The source refused to share this patient's record, e.g. because the patient dissented at source
   * (GP Connect 1.6: {@code NO_PATIENT_CONSENT}).
   *
   * @param reasonCode a stable code, e.g. {@code NO_PATIENT_CONSENT}; never item content
   */
  record WithheldBySource(String reasonCode, String detail) implements SourceOutcome {
    public WithheldBySource {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The call failed. {@code detail} says what went wrong in words an operator can act on; it must
   * not contain patient data.
   */
  record Failed(Kind kind, String detail) implements SourceOutcome {

    /** Broad classes of failure, used for status, metrics and retry decisions. */
    public enum Kind {
      /** Could not connect (refused, DNS, TLS): safe to retry once. */
      UNREACHABLE,
      /** Connected, but the source returned an error status. */
      SOURCE_ERROR,
      /** The source answered with something that is not a valid payload. */
      MALFORMED_PAYLOAD
    }

    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
