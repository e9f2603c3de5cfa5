package org.carelens.sdk.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.carelens.sdk.model.PatientIdentity;

/** What a {@link DemographicSearch} found, or why it shows nothing. */
public sealed interface SearchOutcome {

  /** Zero or more matches, best first; none is a real answer ("no patient matches"). */
  record Matches(List<Match> matches) implements SearchOutcome {
    public Matches {
      matches = List.copyOf(matches);
    }
  }

  /**
   * More patients match than the query's limit: none is shown, so nobody picks from a partial list.
   */
  record TooManyMatches(String detail) implements SearchOutcome {
    public TooManyMatches {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The source refused the query (e.g. below its minimum criteria). */
  record Invalid(String detail) implements SearchOutcome {
    public Invalid {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** The source could not be asked or answered nonsense; says which, never a patient's data. */
  record Failed(String detail) implements SearchOutcome {
    public Failed {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * One matching patient.
   *
   * @param postcode empty for a restricted (S-flag) patient: the spine never gives their address
   * @param score the source's confidence, 0 to 1
   */
  record Match(PatientIdentity identity, Optional<String> postcode, double score) {
    public Match {
      Objects.requireNonNull(identity, "identity");
      Objects.requireNonNull(postcode, "postcode");
      if (identity.restricted() && postcode.isPresent()) {
        throw new IllegalArgumentException("a restricted patient's postcode must never be shown");
      }
    }
  }
}
