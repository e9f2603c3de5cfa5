package org.carelens.portal.record;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.carelens.portal.gateway.AllergySection;
import org.carelens.portal.gateway.ItemSection;
import org.carelens.portal.gateway.MedicationSection;
import org.carelens.portal.gateway.RecordItem;
import org.carelens.portal.gateway.SectionData;
import org.carelens.portal.gateway.Sections;
import org.carelens.portal.gateway.SourceEvent;
import org.jspecify.annotations.Nullable;

/**
 * The items the sources have sent so far, section by section, while the record is still loading
 * (issue 13: a slow source fills its summary tiles later). Items are listed as each source sent
 * them: not merged, de-duplicated or checked for conflicts, which only the gateway's complete view
 * does, so the summary built from them says it is provisional. A section no source has sent yet is
 * empty, not missing: the tiles say which sources are still loading.
 */
final class ProvisionalSections {

  private ProvisionalSections() {}

  static Sections of(List<SourceEvent> events) {
    List<Sections> sent =
        events.stream().map(SourceEvent::sections).filter(Objects::nonNull).toList();
    return new Sections(
        items(sent, Sections::alerts),
        new AllergySection(false, null, null, all(sent, Sections::allergies), null, null),
        new MedicationSection(false, null, all(sent, Sections::medications), null, null),
        items(sent, Sections::problems),
        items(sent, Sections::encounters),
        items(sent, Sections::results),
        items(sent, Sections::immunisations),
        items(sent, Sections::documents),
        items(sent, Sections::referrals),
        items(sent, Sections::careTeam),
        items(sent, Sections::socialCare));
  }

  private static <T extends RecordItem> ItemSection<T> items(
      List<Sections> sent, Function<Sections, @Nullable ItemSection<T>> section) {
    return new ItemSection<>(false, null, all(sent, section));
  }

  private static <T extends RecordItem> List<T> all(
      List<Sections> sent, Function<Sections, ? extends @Nullable SectionData<T>> section) {
    List<T> items = new ArrayList<>();
    for (Sections s : sent) {
      SectionData<T> data = section.apply(s);
      if (data != null) {
        items.addAll(data.items());
      }
    }
    return items;
  }
}
