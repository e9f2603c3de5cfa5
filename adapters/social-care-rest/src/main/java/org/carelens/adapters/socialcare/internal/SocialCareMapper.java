package org.carelens.adapters.socialcare.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.carelens.sdk.model.AlertItem;
import org.carelens.sdk.model.CareTeamItem;
import org.carelens.sdk.model.ClinicalItem;
import org.carelens.sdk.model.CodedConcept;
import org.carelens.sdk.model.Completeness;
import org.carelens.sdk.model.Gender;
import org.carelens.sdk.model.HumanName;
import org.carelens.sdk.model.NhsNumber;
import org.carelens.sdk.model.PatientIdentity;
import org.carelens.sdk.model.Provenance;
import org.carelens.sdk.model.Section;
import org.carelens.sdk.model.SectionContent;
import org.carelens.sdk.model.Sensitivity;
import org.carelens.sdk.model.SocialCareItem;

/**
 * Maps the council's JSON to the canonical model: involvements (with key workers) to the care team,
 * care packages to social care items, safeguarding flags to alerts.
 *
 * <p><b>Safeguarding.</b> Each flag becomes two alerts: the flag itself (category, status, date),
 * which every clinician must see, and its narrative detail as a separate alert labelled {@link
 * Sensitivity#SAFEGUARDING_DETAIL}, which policy shows only to roles allowed it. Labelling the flag
 * itself would hide the fact of a safeguarding concern from the out-of-hours doctor.
 *
 * <p><b>Tolerant reading.</b> Each item is mapped on its own. One that is not an object, lacks its
 * id, status or code, or has a status the council's API does not define is counted, and its section
 * is {@link Completeness.Partial} with the readable items still in it: a safeguarding list silently
 * missing one flag would read as complete, and one withheld whole for a single bad flag would hide
 * the others. Pages the client could not read count the same way. Codes in systems this adapter
 * does not know are kept with their text, and a code without a system keeps an empty one. Reasons
 * say what kind of fault it was, never the item's content.
 *
 * <p>Thread-safe and stateless apart from its configuration.
 */
public final class SocialCareMapper {

  private static final System.Logger LOG = System.getLogger(SocialCareMapper.class.getName());

  private final String sourceId;
  private final String councilCode;
  private final String councilName;

  public SocialCareMapper(String sourceId, String councilCode, String councilName) {
    this.sourceId = sourceId;
    this.councilCode = councilCode;
    this.councilName = councilName;
  }

  public SectionContent<CareTeamItem> careTeam(Pages involvements) {
    return section(Section.CARE_TEAM, involvements, "involvements", n -> List.of(involvement(n)));
  }

  public SectionContent<SocialCareItem> socialCare(Pages packages) {
    return section(Section.SOCIAL_CARE, packages, "care packages", n -> List.of(carePackage(n)));
  }

  public SectionContent<AlertItem> alerts(Pages flags) {
    return section(Section.ALERTS, flags, "safeguarding flags", this::safeguarding);
  }

  /** The person's identity as the council records it; left out when incomplete. */
  public Optional<PatientIdentity> identity(JsonNode person, NhsNumber nhsNumber) {
    String family = person.path("name").path("family").asText("").strip();
    Optional<LocalDate> birthDate;
    try {
      birthDate = Optional.of(LocalDate.parse(person.path("dateOfBirth").asText("")));
    } catch (DateTimeParseException e) {
      birthDate = Optional.empty();
    }
    if (family.isEmpty() || birthDate.isEmpty()) {
      return Optional.empty();
    }
    String given = person.path("name").path("given").asText("").strip();
    Gender gender =
        switch (person.path("gender").asText("").toLowerCase(Locale.ROOT)) {
          case "male" -> Gender.MALE;
          case "female" -> Gender.FEMALE;
          case "other" -> Gender.OTHER;
          default -> Gender.UNKNOWN;
        };
    return Optional.of(
        new PatientIdentity(
            nhsNumber,
            new HumanName(
                family,
                given.isEmpty() ? List.of() : List.of(given.split("\\s+")),
                text(person.path("name"), "title")),
            birthDate.get(),
            gender,
            text(person, "address"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            false));
  }

  private CareTeamItem involvement(JsonNode node) throws BadItemException {
    String id = id(node, "involvement");
    CodedConcept service = coded(node.path("service"), "an involvement service");
    JsonNode worker = node.path("keyWorker");
    CareTeamItem.Status status =
        switch (required(node, "status", "involvement")) {
          case "OPEN" -> CareTeamItem.Status.ACTIVE;
          case "CLOSED" -> CareTeamItem.Status.ENDED;
          default -> throw new BadItemException("an involvement has an unknown status");
        };
    // Without a named key worker the service itself is the contact (duty team).
    boolean named = worker.isObject() && !worker.path("name").asText("").isBlank();
    List<String> contact = new ArrayList<>();
    text(worker, "phone").ifPresent(contact::add);
    text(worker, "email").ifPresent(contact::add);
    // A named worker whose role is not coded is still shown, under the service's concept.
    CodedConcept role = named ? codedIfAny(worker.path("role")).orElse(service) : service;
    return new CareTeamItem(
        provenance(id),
        role,
        named ? worker.path("name").asText().strip() : service.display(),
        Optional.of(service.display() + ", " + councilName),
        contact.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", contact)),
        status,
        date(node, "startDate"),
        Set.of());
  }

  private SocialCareItem carePackage(JsonNode node) throws BadItemException {
    String id = id(node, "care package");
    CodedConcept type = coded(node.path("type"), "a care package type");
    SocialCareItem.Status status =
        switch (required(node, "status", "care package")) {
          case "ACTIVE" -> SocialCareItem.Status.ACTIVE;
          case "PLANNED" -> SocialCareItem.Status.PLANNED;
          case "ENDED" -> SocialCareItem.Status.ENDED;
          default -> throw new BadItemException("a care package has an unknown status");
        };
    String description = text(node, "description").orElse(type.display());
    JsonNode hours = node.path("hoursPerWeek");
    if (hours.isNumber() && hours.asDouble() > 0) {
      description +=
          " (%s hours a week)"
              .formatted(
                  hours.asDouble() == Math.rint(hours.asDouble())
                      ? String.valueOf(hours.asLong())
                      : String.valueOf(hours.asDouble()));
    }
    return new SocialCareItem(
        provenance(id),
        type,
        description,
        status,
        date(node, "startDate"),
        date(node, "endDate"),
        text(node, "provider"),
        Set.of());
  }

  private List<AlertItem> safeguarding(JsonNode node) throws BadItemException {
    String id = id(node, "safeguarding flag");
    CodedConcept category = coded(node.path("category"), "a safeguarding category");
    AlertItem.Status status =
        switch (required(node, "status", "safeguarding flag")) {
          case "OPEN" -> AlertItem.Status.ACTIVE;
          case "CLOSED" -> AlertItem.Status.INACTIVE;
          default -> throw new BadItemException("a safeguarding flag has an unknown status");
        };
    Optional<LocalDate> raised = date(node, "raised");
    List<AlertItem> alerts = new ArrayList<>();
    alerts.add(
        new AlertItem(
            provenance(id),
            category,
            AlertItem.Kind.SAFEGUARDING,
            status,
            raised,
            Optional.empty(),
            Set.of()));
    Optional<String> detail = text(node, "detail");
    if (detail.isPresent()) {
      alerts.add(
          new AlertItem(
              provenance(id + "/detail"),
              category,
              AlertItem.Kind.SAFEGUARDING,
              status,
              raised,
              detail,
              Set.of(Sensitivity.SAFEGUARDING_DETAIL)));
    }
    return alerts;
  }

  private Provenance provenance(String itemId) {
    return new Provenance(sourceId, itemId, Optional.of(councilCode), Optional.of(councilName));
  }

  private static String id(JsonNode node, String what) throws BadItemException {
    if (!node.isObject()) {
      throw new BadItemException(withArticle(what) + " is not a JSON object");
    }
    return required(node, "id", what);
  }

  private static String required(JsonNode node, String field, String what) throws BadItemException {
    return text(node, field)
        .orElseThrow(
            () -> new BadItemException("%s has no '%s'".formatted(withArticle(what), field)));
  }

  private static String withArticle(String what) {
    return ("aeiou".indexOf(what.charAt(0)) >= 0 ? "an " : "a ") + what;
  }

  /**
   * @param what the coded element, with its article, e.g. "an involvement service"
   */
  private static CodedConcept coded(JsonNode node, String what) throws BadItemException {
    return codedIfAny(node).orElseThrow(() -> new BadItemException(what + " has no code"));
  }

  /** The code in whatever system, or none; an unfamiliar system is kept, never dropped. */
  private static Optional<CodedConcept> codedIfAny(JsonNode node) {
    return text(node, "code")
        .map(
            code ->
                new CodedConcept(
                    text(node, "system").orElse(""), code, text(node, "display").orElse(code)));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank()
        ? Optional.of(value.asText().strip())
        : Optional.empty();
  }

  private static Optional<LocalDate> date(JsonNode node, String field) throws BadItemException {
    Optional<String> value = text(node, field);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value.get()));
    } catch (DateTimeParseException e) {
      throw new BadItemException("'%s' is not a date (yyyy-mm-dd)".formatted(field));
    }
  }

  private interface ItemMapper<T> {
    List<T> map(JsonNode node) throws BadItemException;
  }

  /**
   * The items of one resource, each mapped on its own; the unreadable ones, and those on pages that
   * could not be read, are counted into a partial completeness.
   */
  private <T extends ClinicalItem> SectionContent<T> section(
      Section section, Pages pages, String listed, ItemMapper<T> mapper) {
    List<T> items = new ArrayList<>();
    int unreadable = 0;
    String firstFault = "";
    for (JsonNode node : pages.items()) {
      String fault;
      try {
        items.addAll(mapper.map(node));
        continue;
      } catch (BadItemException e) {
        fault = e.getMessage();
      } catch (RuntimeException e) {
        // A model value refused what the item holds; its message may quote it, so only the type.
        fault = "an item could not be mapped (" + e.getClass().getSimpleName() + ")";
      }
      unreadable++;
      firstFault = firstFault.isEmpty() ? fault : firstFault;
    }
    Completeness completeness = pages.completeness();
    if (unreadable > 0) {
      String mapping =
          "%d of %d %s read could not be mapped (%s%s)"
              .formatted(
                  unreadable,
                  pages.items().size(),
                  listed,
                  unreadable > 1 ? "the first: " : "",
                  firstFault);
      completeness =
          switch (completeness) {
            case Completeness.Partial p ->
                Completeness.partial(p.unreadableItems() + unreadable, p.reason() + "; " + mapping);
            default -> Completeness.partial(unreadable, mapping);
          };
    }
    if (completeness instanceof Completeness.Partial partial) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section partial: {2}",
          sourceId,
          section.key(),
          partial.reason());
    }
    return SectionContent.of(section, items).withCompleteness(completeness);
  }
}
