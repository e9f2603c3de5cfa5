package org.carelens.policy.agreement;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.carelens.sdk.model.Section;

/**
 * What one source shares, with whom, and under which share-in model.
 *
 * @param shares each rule grants some sections to some viewer organisation types
 */
public record SourceSharing(String sourceId, ShareIn shareIn, List<Share> shares) {

  public SourceSharing {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(shareIn, "shareIn");
    shares = List.copyOf(shares);
  }

  /** The sections shared with an organisation of this type; empty if none. */
  public Set<Section> sectionsFor(String organisationType) {
    Set<Section> sections = EnumSet.noneOf(Section.class);
    for (Share share : shares) {
      if (share.viewerTypes().contains(organisationType)) {
        sections.addAll(share.sections());
      }
    }
    return sections;
  }

  /** Sections granted to viewer organisation types. */
  public record Share(Set<String> viewerTypes, Set<Section> sections) {
    public Share {
      viewerTypes = Set.copyOf(viewerTypes);
      sections = sections.isEmpty() ? Set.of() : Set.copyOf(sections);
    }
  }
}
