package org.carelens.portal.gateway;

import java.util.List;
import java.util.Optional;

/**
 * One section of the record as the gateway sends it: {@code {withheld, notice, items[]}}.
 *
 * @param <T> the section's item type
 */
public interface SectionData<T extends RecordItem> {

  /** True when some or all of the section is hidden from this viewer. */
  boolean withheld();

  /** The gateway's notice text, exactly as sent, when it sent one. */
  Optional<String> noticeIfAny();

  List<T> items();
}
