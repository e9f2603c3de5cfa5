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
import org.carelens.sdk.model.EmptyReason;
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
 * <p>An item that cannot be mapped costs its section, reported {@link EmptyReason#UNAVAILABLE}, as
 * in the GP Connect adapter: a safeguarding list silently missing one flag would read as complete.
 * Thread-safe and stateless apart from its configuration.
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

  public SectionContent<CareTeamItem> careTeam(List<JsonNode> involvements) {
    return section(
        Section.CARE_TEAM,
        () -> {
          List<CareTeamItem> items = new ArrayList<>();
          for (JsonNode involvement : involvements) {
            items.add(involvement(involvement));
          }
          return items;
        });
  }

  public SectionContent<SocialCareItem> socialCare(List<JsonNode> packages) {
    return section(
        Section.SOCIAL_CARE,
        () -> {
          List<SocialCareItem> items = new ArrayList<>();
          for (JsonNode pkg : packages) {
            items.add(carePackage(pkg));
          }
          return items;
        });
  }

  public SectionContent<AlertItem> alerts(List<JsonNode> flags) {
    return section(
        Section.ALERTS,
        () -> {
          List<AlertItem> items = new ArrayList<>();
          for (JsonNode flag : flags) {
            items.addAll(safeguarding(flag));
          }
          return items;
        });
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
    CodedConcept service = coded(node.path("service"), "involvement service");
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
    return new CareTeamItem(
        provenance(id),
        named ? coded(worker.path("role"), "key worker role") : service,
        named ? worker.path("name").asText().strip() : service.display(),
        Optional.of(service.display() + ", " + councilName),
        contact.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", contact)),
        status,
        date(node, "startDate"),
        Set.of());
  }

  private SocialCareItem carePackage(JsonNode node) throws BadItemException {
    String id = id(node, "care package");
    CodedConcept type = coded(node.path("type"), "care package type");
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
    CodedConcept category = coded(node.path("category"), "safeguarding category");
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
      throw new BadItemException("a " + what + " is not a JSON object");
    }
    return required(node, "id", what);
  }

  private static String required(JsonNode node, String field, String what) throws BadItemException {
    return text(node, field)
        .orElseThrow(() -> new BadItemException("a %s has no '%s'".formatted(what, field)));
  }

  private static CodedConcept coded(JsonNode node, String what) throws BadItemException {
    Optional<String> system = text(node, "system");
    Optional<String> code = text(node, "code");
    if (system.isEmpty() || code.isEmpty()) {
      throw new BadItemException("a " + what + " has no system and code");
    }
    return new CodedConcept(system.get(), code.get(), text(node, "display").orElse(code.get()));
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

  private interface SectionReader<T> {
    List<T> read() throws BadItemException;
  }

  private <T extends ClinicalItem> SectionContent<T> section(
      Section section, SectionReader<T> reader) {
    try {
      return SectionContent.of(section, reader.read());
    } catch (BadItemException | RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "source {0}: {1} section unavailable: {2}",
          sourceId,
          section.key(),
          e.getMessage());
      return new SectionContent<>(section, List.of(), Optional.of(EmptyReason.UNAVAILABLE), false);
    }
  }
}
