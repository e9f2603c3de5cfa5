package org.carelens.sdk.model;

/**
 * Why a section has no items, when the source says so explicitly. Absence of items without a reason
 * is not the same as any of these, and must never be shown as if it were.
 */
public enum EmptyReason {
  /** The source positively records that nothing applies, e.g. "No known allergies". */
  NIL_KNOWN,
  /** The source has not recorded anything either way, e.g. allergies not recorded. */
  NOT_RECORDED,
  /**
   * The source holds information but could not provide it; always paired with {@link
   * Completeness.Unavailable}, which says why.
   */
  UNAVAILABLE
}
