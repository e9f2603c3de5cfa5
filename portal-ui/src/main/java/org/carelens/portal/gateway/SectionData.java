package org.carelens.portal.gateway;

import java.util.List;
import java.util.Optional;

/**
 * One section of the record as the gateway sends it: {@code {withheld, notice, items[],
 * incomplete[], withheldReasons[]}}.
 *
 * @param <T> the section's item type
 */
public interface SectionData<T extends RecordItem> {

  /** True when some or all of the section is hidden from this viewer. */
  boolean withheld();

  /** The gateway's notice text, exactly as sent, when it sent one. */
  Optional<String> noticeIfAny();

  List<T> items();

  /**
   * The sources that answered this section but could not read all of it; empty when complete. The
   * items are what could be read.
   */
  List<IncompleteEntry> incomplete();

  /**
   * Why anything was withheld, as codes: {@code ROLE}, {@code PERMISSION_REQUIRED}, {@code
   * PATIENT_DISSENT}, {@code CONFIDENTIAL_AT_SOURCE}, {@code SENSITIVE}; empty when nothing was.
   */
  List<String> withheldReasons();
}
