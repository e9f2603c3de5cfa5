package org.carelens.adapters.careplans.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;

/**
 * Turns read pointers into the two sections. A current plan of a known type is an {@code ACTIVE}
 * alert (its kind from {@link PlanType}, dated, with the author organisation in the note) and a
 * document; a superseded plan is a document only, its title marked "(superseded)", so the history
 * is there but nothing out of date sits among the alerts a clinician acts on. A plan is superseded
 * when the service says so or when a current pointer of the same answer {@code replaces} it.
 * Unreadable pointers make the section partial, counted, whatever they were: one of them may be a
 * DNACPR decision.
 */
public final class PlanMapper {

  private final String sourceId;

  public PlanMapper(String sourceId) {
    this.sourceId = sourceId;
  }

  public SectionContent<AlertItem> alerts(PointerReader.Read read) {
    List<AlertItem> alerts = new ArrayList<>();
    for (Pointer pointer : withSupersession(read.pointers())) {
      if (!pointer.current() || pointer.type().isEmpty()) {
        continue;
      }
      alerts.add(
          new AlertItem(
              provenance(pointer),
              pointer.concept(),
              pointer.type().get().alertKind(),
              AlertItem.Status.ACTIVE,
              pointer.date(),
              Optional.of(note(pointer)),
              Set.of()));
    }
    return withCompleteness(SectionContent.of(Section.ALERTS, alerts), read);
  }

  public SectionContent<DocumentItem> documents(PointerReader.Read read) {
    List<DocumentItem> documents = new ArrayList<>();
    for (Pointer pointer : withSupersession(read.pointers())) {
      String title = pointer.title().orElse(pointer.concept().display());
      documents.add(
          new DocumentItem(
              provenance(pointer),
              pointer.concept(),
              pointer.current() ? title : title + " (superseded)",
              pointer.date(),
              pointer.time(),
              pointer.authorName().or(pointer::authorOds),
              pointer.contentType(),
              pointer.hasContent()
                  ? Optional.of("DocumentReference/" + pointer.id())
                  : Optional.empty(),
              Set.of()));
    }
    return withCompleteness(SectionContent.of(Section.DOCUMENTS, documents), read);
  }

  /** The pointers, with those a current pointer replaces marked superseded. */
  private static List<Pointer> withSupersession(List<Pointer> pointers) {
    Set<String> replaced = new HashSet<>();
    for (Pointer pointer : pointers) {
      if (pointer.current()) {
        replaced.addAll(pointer.replaces());
      }
    }
    return pointers.stream().map(p -> replaced.contains(p.id()) ? p.superseded() : p).toList();
  }

  private Provenance provenance(Pointer pointer) {
    return new Provenance(
        sourceId, "DocumentReference/" + pointer.id(), pointer.authorOds(), pointer.authorName());
  }

  /** "Recorded by St Ann's Hospice (ODS NH101)": who to contact about the plan. */
  private static String note(Pointer pointer) {
    String author =
        pointer.authorName().isPresent()
            ? pointer.authorName().get()
                + pointer.authorOds().map(o -> " (ODS " + o + ")").orElse("")
            : pointer
                .authorOds()
                .map(o -> "ODS " + o)
                .orElse("an organisation the pointer does not name");
    return "Recorded by " + author + pointer.date().map(PlanMapper::on).orElse("");
  }

  private static String on(LocalDate date) {
    return " on " + date;
  }

  private static <T extends org.carelens.sdk.model.ClinicalItem> SectionContent<T> withCompleteness(
      SectionContent<T> content, PointerReader.Read read) {
    int unreadable = read.unreadableCount();
    if (unreadable == 0) {
      return content;
    }
    return content.withCompleteness(Completeness.partial(unreadable, reason(read)));
  }

  /** Says what kind of pointer could not be read, never its content or id. */
  private static String reason(PointerReader.Read read) {
    List<String> parts = new ArrayList<>();
    int counted = read.unreadable().values().stream().mapToInt(Integer::intValue).sum();
    if (counted > 0) {
      parts.add(
          "%d care plan pointer%s could not be read (%s)"
              .formatted(
                  counted,
                  counted == 1 ? "" : "s",
                  read.unreadable().entrySet().stream()
                      .map(e -> e.getKey() + ": " + e.getValue())
                      .collect(Collectors.joining(", "))));
    }
    if (read.unlisted() > 0) {
      parts.add(
          "the pointer service listed more pages than were read; at least %d pointer%s unread"
              .formatted(read.unlisted(), read.unlisted() == 1 ? "" : "s"));
    }
    return String.join("; ", parts);
  }
}
