package org.carelens.sdk.model;

import java.util.Objects;

/**
 * How completely a source could read one section it returned (PRODUCT.md principle 3: never
 * silently incomplete). A section is {@link Complete} when every item the source listed was mapped;
 * {@link Partial} when some listed items could not be read, while the readable ones are still
 * returned; {@link Unavailable} when the section as a whole could not be read, in which case it has
 * no items and must never be shown as if it had been answered empty.
 *
 * <p>Reasons are for operators and the audit trail: they say what kind of thing went wrong (e.g. "1
 * listed AllergyIntolerance is not in the Bundle"), never item content or patient data.
 */
public sealed interface Completeness {

  /** Every item the source listed for the section was read. */
  record Complete() implements Completeness {}

  /**
   * Some items the source listed could not be read; the others are in the section.
   *
   * @param unreadableItems how many listed items could not be read; at least 1
   * @param reason what went wrong, without item content or patient data
   */
  record Partial(int unreadableItems, String reason) implements Completeness {
    public Partial {
      if (unreadableItems < 1) {
        throw new IllegalArgumentException(
            "a partial section has at least 1 unreadable item, was " + unreadableItems);
      }
      requireText(reason);
    }
  }

  /**
   * The section could not be read at all: a missing or malformed section, or a failed request for
   * it.
   *
   * @param reason what went wrong, without item content or patient data
   */
  record Unavailable(String reason) implements Completeness {
    public Unavailable {
      requireText(reason);
    }
  }

  Completeness COMPLETE = new Complete();

  static Completeness complete() {
    return COMPLETE;
  }

  static Partial partial(int unreadableItems, String reason) {
    return new Partial(unreadableItems, reason);
  }

  static Unavailable unavailable(String reason) {
    return new Unavailable(reason);
  }

  /** Whether the section is complete. */
  default boolean isComplete() {
    return this instanceof Complete;
  }

  /**
   * The completeness after {@code more} unreadable items were found for the reason given: complete
   * becomes partial, partial counts up (keeping the first reason), unavailable stays unavailable.
   */
  default Completeness plusUnreadable(int more, String reason) {
    if (more <= 0) {
      return this;
    }
    return switch (this) {
      case Complete c -> new Partial(more, reason);
      case Partial p -> new Partial(p.unreadableItems() + more, p.reason());
      case Unavailable u -> u;
    };
  }

  private static void requireText(String reason) {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("a reason must say what went wrong, was blank");
    }
  }
}
