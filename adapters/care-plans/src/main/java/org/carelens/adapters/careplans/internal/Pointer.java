package org.carelens.adapters.careplans.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.CodedConcept;

/**
 * One readable pointer: a plan the pointer service lists, with what the record shows of it.
 *
 * @param id the DocumentReference's logical id
 * @param type the plan type, when it is one this source asks for
 * @param concept the pointer's type as the service codes it (kept as sent, known or not)
 * @param current {@code false} for a superseded plan
 * @param date when the plan was recorded or last updated, the day in UK time
 * @param time the same moment in UK time ({@code DocumentReference.date} is an instant, so a
 *     pointer that has a date has a time)
 * @param authorOds the ODS code of the organisation that wrote the plan
 * @param authorName that organisation's name
 * @param title the attachment's title, where given
 * @param contentType the attachment's media type, where given
 * @param hasContent whether the pointer gives a content URL
 * @param replaces ids of the pointers this one supersedes ({@code relatesTo} {@code replaces})
 */
public record Pointer(
    String id,
    Optional<PlanType> type,
    CodedConcept concept,
    boolean current,
    Optional<LocalDate> date,
    Optional<OffsetDateTime> time,
    Optional<String> authorOds,
    Optional<String> authorName,
    Optional<String> title,
    Optional<String> contentType,
    boolean hasContent,
    Set<String> replaces) {

  public Pointer {
    replaces = Set.copyOf(replaces);
  }

  /** The same pointer, marked superseded. */
  Pointer superseded() {
    return new Pointer(
        id,
        type,
        concept,
        false,
        date,
        time,
        authorOds,
        authorName,
        title,
        contentType,
        hasContent,
        replaces);
  }
}
