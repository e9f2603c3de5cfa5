package org.carelens.gateway.consent;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.AllergyItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.DocumentItem;
import org.carelens.sdk.model.EncounterItem;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.ImmunisationItem;
import org.carelens.sdk.model.MedicationItem;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.ProblemItem;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.ReferralItem;
import org.carelens.sdk.model.ResultItem;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SocialCareItem;
import org.carelens.sdk.model.SourceRecord;
import org.carelens.sdk.spi.DocumentOutcome;
import org.carelens.sdk.spi.DocumentRequest;
import org.carelens.sdk.spi.SourceAdapter;
import org.carelens.sdk.spi.SourceDescriptor;
import org.carelens.sdk.spi.SourceOutcome;
import org.carelens.sdk.spi.SourceRequest;

/**
 * An in-memory source holding, for every patient, one item per section and sensitivity label
 * (unlabelled included), each with a unique marker in its display text so a test can search a whole
 * response for it. It deliberately returns every section whatever it was asked for, as a careless
 * adapter might, and counts the calls per patient so a test can tell it was not asked.
 */
public final class SyntheticSource implements SourceAdapter {

  private final String id;
  private final Predicate<NhsNumber> restricted;
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

  public SyntheticSource(String id, boolean restricted) {
    this(id, patient -> restricted);
  }

  /** A source that says a patient is restricted (the S-flag) when {@code restricted} holds. */
  public SyntheticSource(String id, Predicate<NhsNumber> restricted) {
    this.id = id;
    this.restricted = restricted;
  }

  /** The marker of the item for {@code section} and {@code label} (empty: unlabelled). */
  public static String marker(String sourceId, Section section, Optional<Sensitivity> label) {
    return "MARK|" + sourceId + "|" + section.key() + "|" + label.map(Enum::name).orElse("none");
  }

  /** Labels an item may carry: none, or one of each. */
  public static List<Optional<Sensitivity>> labels() {
    List<Optional<Sensitivity>> labels = new ArrayList<>();
    labels.add(Optional.empty());
    for (Sensitivity s : Sensitivity.values()) {
      labels.add(Optional.of(s));
    }
    return labels;
  }

  public int calls(NhsNumber patient) {
    return calls.getOrDefault(patient.value(), new AtomicInteger()).get();
  }

  @Override
  public SourceDescriptor descriptor() {
    return new SourceDescriptor(id, "Synthetic " + id, "X" + id.length(), Set.of(Section.values()));
  }

  @Override
  public SourceOutcome fetch(SourceRequest request) {
    calls.computeIfAbsent(request.nhsNumber().value(), k -> new AtomicInteger()).incrementAndGet();
    Map<Section, SectionContent<?>> sections = new EnumMap<>(Section.class);
    for (Section section : Section.values()) {
      List<ClinicalItem> items = new ArrayList<>();
      int n = 0;
      for (Optional<Sensitivity> label : labels()) {
        items.add(item(section, label, n++));
      }
      sections.put(section, content(section, items));
    }
    PatientIdentity patient =
        new PatientIdentity(
            request.nhsNumber(),
            new HumanName("SYNTHETIC", List.of("Pat"), Optional.empty()),
            LocalDate.of(1960, 1, 1),
            Gender.FEMALE,
            Optional.of("ADDRESS-" + id + " 1 Secret Lane"),
            Optional.of("PHONE-" + id + " 0111 000"),
            Optional.of("PRACTICE-" + id),
            Optional.empty(),
            restricted.test(request.nhsNumber()),
            // A source that sends a contact even for a restricted patient: the gateway must not.
            List.of(
                new PatientIdentity.Contact(
                    Optional.of("Emergency Contact"),
                    Optional.of("CONTACT-" + id + " Kin"),
                    Optional.of("0111 999"),
                    Optional.empty(),
                    Optional.empty())));
    return new SourceOutcome.Loaded(new SourceRecord(Optional.of(patient), sections));
  }

  /**
   * Serves the content of its documents on demand: the document for label number n (as {@link
   * #labels} orders them) is {@code documents-n}, and its content is {@link #content} of its
   * marker.
   */
  @Override
  public DocumentOutcome fetchDocument(DocumentRequest request) {
    String prefix = Section.DOCUMENTS.key() + "-";
    List<Optional<Sensitivity>> labels = labels();
    if (request.documentId().startsWith(prefix)) {
      try {
        int n = Integer.parseInt(request.documentId().substring(prefix.length()));
        if (n >= 0 && n < labels.size()) {
          return new DocumentOutcome.Content(
              "text/plain",
              content(marker(id, Section.DOCUMENTS, labels.get(n)))
                  .getBytes(StandardCharsets.UTF_8));
        }
      } catch (NumberFormatException e) {
        // not one of ours: not found
      }
    }
    return new DocumentOutcome.NotFound("no document " + request.documentId());
  }

  /** The content of the document whose marker is {@code marker}. */
  public static String content(String marker) {
    return "CONTENT OF " + marker;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static SectionContent<?> content(Section section, List<ClinicalItem> items) {
    return new SectionContent(section, items, Optional.empty(), false);
  }

  private ClinicalItem item(Section section, Optional<Sensitivity> label, int n) {
    Provenance p = Provenance.of(id, section.key() + "-" + n);
    // A code unique per source, section and label, so the merger never folds two together.
    CodedConcept c =
        CodedConcept.snomed(
            Math.abs((id + section + label).hashCode()) + "" + n, marker(id, section, label));
    Set<Sensitivity> s = label.map(Set::of).orElse(Set.of());
    LocalDate d = LocalDate.of(2025, 1, 1);
    return switch (section) {
      case ALERTS ->
          new AlertItem(
              p,
              c,
              AlertItem.Kind.values()[0],
              AlertItem.Status.values()[0],
              Optional.of(d),
              Optional.empty(),
              s);
      case ALLERGIES ->
          new AllergyItem(
              p,
              c,
              AllergyItem.Status.ACTIVE,
              Optional.empty(),
              Optional.of(d),
              List.of(),
              Optional.empty(),
              s);
      case MEDICATIONS ->
          new MedicationItem(
              p,
              c,
              MedicationItem.Status.values()[0],
              MedicationItem.PrescriptionType.values()[0],
              Optional.empty(),
              Optional.empty(),
              Optional.of(d),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              s);
      case PROBLEMS ->
          new ProblemItem(
              p,
              c,
              ProblemItem.Status.values()[0],
              ProblemItem.Significance.values()[0],
              Optional.empty(),
              Optional.empty(),
              Optional.of(d),
              s);
      case ENCOUNTERS ->
          new EncounterItem(
              p,
              c,
              EncounterItem.Kind.values()[0],
              Optional.of(d),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              s);
      case RESULTS ->
          new ResultItem(
              p,
              c,
              Optional.of("1"),
              Optional.empty(),
              Optional.empty(),
              ResultItem.Flag.values()[0],
              ResultItem.Status.values()[0],
              Optional.of(d),
              Optional.empty(),
              s);
      case IMMUNISATIONS ->
          new ImmunisationItem(
              p, c, ImmunisationItem.Status.values()[0], Optional.of(d), Optional.empty(), s);
      case DOCUMENTS ->
          new DocumentItem(
              p,
              c,
              "Title " + marker(id, section, label).toLowerCase(Locale.ROOT),
              Optional.of(d),
              Optional.empty(),
              Optional.of("text/plain"),
              Optional.empty(),
              s);
      case REFERRALS ->
          new ReferralItem(
              p,
              c,
              ReferralItem.Status.values()[0],
              Optional.of(d),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              s);
      case CARE_TEAM ->
          new CareTeamItem(
              p,
              c,
              "Member " + n,
              Optional.empty(),
              Optional.empty(),
              CareTeamItem.Status.values()[0],
              Optional.of(d),
              s);
      case SOCIAL_CARE ->
          new SocialCareItem(
              p,
              c,
              "Package " + n,
              SocialCareItem.Status.values()[0],
              Optional.of(d),
              Optional.empty(),
              Optional.empty(),
              s);
    };
  }
}
