package org.carelens.gateway.merge;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Section;

/**
 * The merged view before viewer-side filtering.
 *
 * @param patient the identity from the first source that gave one; differences from other sources
 *     are in {@code warnings}
 * @param sections every section of the model, each with its merged items in clinical order (empty
 *     when no source returned any)
 * @param excludedAtSource section keys where a source said it left out confidential items
 * @param gaps sections an answering source could not read completely (partial or unavailable)
 */
public record MergedRecord(
    Optional<PatientIdentity> patient,
    Map<Section, List<Merged<?>>> sections,
    AllergyState allergyState,
    List<String> excludedAtSource,
    List<DataWarning> warnings,
    List<SectionGap> gaps) {

  public MergedRecord {
    EnumMap<Section, List<Merged<?>>> copy = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      copy.put(section, List.copyOf(sections.getOrDefault(section, List.of())));
    }
    sections = java.util.Collections.unmodifiableMap(copy);
    excludedAtSource = List.copyOf(excludedAtSource);
    warnings = List.copyOf(warnings);
    gaps = List.copyOf(gaps);
  }

  /** The gaps in one section, in source order. */
  public List<SectionGap> gaps(Section section) {
    return gaps.stream().filter(g -> g.section() == section).toList();
  }

  /**
   * The merged items of one section.
   *
   * @throws ClassCastException when {@code type} is not the section's item type
   */
  @SuppressWarnings("unchecked")
  public <T extends ClinicalItem> List<Merged<T>> items(Section section, Class<T> type) {
    List<Merged<?>> items = sections.get(section);
    for (Merged<?> m : items) {
      type.cast(m.item());
    }
    return (List<Merged<T>>) (List<?>) items;
  }

  public List<Merged<AllergyItem>> allergies() {
    return items(Section.ALLERGIES, AllergyItem.class);
  }

  public List<Merged<MedicationItem>> medications() {
    return items(Section.MEDICATIONS, MedicationItem.class);
  }

  /** A data-quality or safety warning about the merged view. */
  public record DataWarning(String code, String message) {}
}
