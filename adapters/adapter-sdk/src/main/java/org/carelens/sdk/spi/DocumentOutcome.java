package org.carelens.sdk.spi;

import java.util.Objects;

/**
 * What a document fetch produced. As with {@link SourceOutcome}, every source-side failure is a
 * value; adapters do not throw for them.
 */
public sealed interface DocumentOutcome {

  /**
   * The document's content.
   *
   * @param contentType the media type as the source gave it, e.g. {@code application/pdf}
   */
  record Content(String contentType, byte[] bytes) implements DocumentOutcome {
    public Content {
      Objects.requireNonNull(contentType, "contentType");
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }
  }

  /** The source holds no such document for this patient. */
  record NotFound(String detail) implements DocumentOutcome {
    public NotFound {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** This adapter cannot fetch document content (the default). */
  record NotSupported(String detail) implements DocumentOutcome {
    public NotSupported {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The source refused to share the document, e.g. the patient dissented at source. */
  record WithheldBySource(String reasonCode, String detail) implements DocumentOutcome {
    public WithheldBySource {
      Objects.requireNonNull(reasonCode, "reasonCode");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The fetch failed; {@code detail} names the failure, never patient data. */
  record Failed(SourceOutcome.Failed.Kind kind, String detail) implements DocumentOutcome {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
