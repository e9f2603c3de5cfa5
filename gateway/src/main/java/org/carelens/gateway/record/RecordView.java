package org.carelens.gateway.record;

import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The record response, {@code GET /api/v1/patients/{nhsNumber}/record}. Field names are a contract
 * (README.md, "Gateway API (v1)"); add fields, never rename them.
 *
 * @param obligations what the client must do because of policy decisions in this view, e.g. {@code
 *     PROMPT_FOR_PERMISSION} (ask for the patient's permission to view), {@code
 *     SHOW_BREAK_GLASS_BANNER}, {@code SHOW_WITHHELD_NOTICE}
 * @param breakGlass whether this viewer's break-glass access is active, and until when
 */
@Serdeable
public record RecordView(
    PatientView patient,
    List<SourceView> sources,
    Sections sections,
    List<WarningView> warnings,
    ViewerView viewer,
    Instant generatedAt,
    List<String> obligations,
    BreakGlassView breakGlass) {

  @Creator
  public RecordView {
    obligations = List.copyOf(obligations);
  }

  /** A view with no obligations and no break-glass, for callers that predate consent policy. */
  public RecordView(
      PatientView patient,
      List<SourceView> sources,
      Sections sections,
      List<WarningView> warnings,
      ViewerView viewer,
      Instant generatedAt) {
    this(
        patient,
        sources,
        sections,
        warnings,
        viewer,
        generatedAt,
        List.of(),
        BreakGlassView.INACTIVE);
  }

  /**
   * Break-glass state for this viewer and patient, shown while active (PRODUCT.md rule 7).
   *
   * @param until when the break-glass access ends; null when not active
   */
  @Serdeable
  public record BreakGlassView(boolean active, @Nullable Instant until) {
    public static final BreakGlassView INACTIVE = new BreakGlassView(false, null);
  }

  /**
   * Who the patient is; everything but the NHS number is null when no source gave an identity.
   *
   * @param contacts people to contact about the patient, as the demographics spine holds them (its
   *     emergency contact); empty when none is recorded, and always for a restricted patient, whose
   *     address, telephone and practice are null too
   */
  @Serdeable
  public record PatientView(
      String nhsNumber,
      @Nullable NameView name,
      @Nullable LocalDate birthDate,
      @Nullable String gender,
      @Nullable LocalDate deceasedDate,
      @Nullable String address,
      @Nullable String telephone,
      @Nullable String registeredPractice,
      boolean restricted,
      List<ContactView> contacts) {

    @Creator
    public PatientView {
      contacts = List.copyOf(contacts);
    }

    /** A patient without contacts. */
    public PatientView(
        String nhsNumber,
        @Nullable NameView name,
        @Nullable LocalDate birthDate,
        @Nullable String gender,
        @Nullable LocalDate deceasedDate,
        @Nullable String address,
        @Nullable String telephone,
        @Nullable String registeredPractice,
        boolean restricted) {
      this(
          nhsNumber,
          name,
          birthDate,
          gender,
          deceasedDate,
          address,
          telephone,
          registeredPractice,
          restricted,
          List.of());
    }
  }

  /**
   * Someone to contact about the patient (FHIR {@code Patient.contact}).
   *
   * @param relationship as the source words it, e.g. "Emergency Contact"; null when it gives none
   * @param name null when the source gives none (the spine records only a number for an emergency
   *     contact)
   * @param start when the contact became valid; null when not recorded
   * @param end when it stopped being valid; null when not recorded, a past date when it has ended
   */
  @Serdeable
  public record ContactView(
      @Nullable String relationship,
      @Nullable String name,
      @Nullable String telephone,
      @Nullable LocalDate start,
      @Nullable LocalDate end) {}

  /** A person's name. */
  @Serdeable
  public record NameView(String family, List<String> given, @Nullable String title) {}

  /**
   * One source's status for this view. A source withheld by consent has status {@code WITHHELD} and
   * a {@code reason} code such as {@code PATIENT_DISSENT} or {@code PERMISSION_TO_VIEW_REQUIRED},
   * never content.
   *
   * @param obligations what the client must do for this source, e.g. {@code PROMPT_FOR_PERMISSION}
   * @param incompleteSections the sections (of those this viewer may see) that the source answered
   *     but could not read completely; empty when complete
   */
  @Serdeable
  public record SourceView(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail,
      List<String> obligations,
      List<IncompleteSectionView> incompleteSections) {

    @Creator
    public SourceView {
      obligations = List.copyOf(obligations);
      incompleteSections = List.copyOf(incompleteSections);
    }

    /** A source status with no obligations. */
    public SourceView(
        String id,
        String name,
        String status,
        long elapsedMs,
        boolean cached,
        @Nullable Instant retrievedAt,
        @Nullable String reason,
        @Nullable String detail) {
      this(id, name, status, elapsedMs, cached, retrievedAt, reason, detail, List.of(), List.of());
    }
  }

  /**
   * A section this source answered but could not read completely (PRODUCT.md principle 3). The
   * source's {@code status} stays {@code OK}: it answered.
   *
   * @param state {@code PARTIAL} (some listed items unreadable) or {@code UNAVAILABLE} (the section
   *     could not be read at all)
   * @param unreadableItems how many listed items could not be read; null when unavailable
   * @param detail what went wrong, as the adapter reported it; never patient data
   */
  @Serdeable
  public record IncompleteSectionView(
      String section, String state, @Nullable Integer unreadableItems, String detail) {}

  /**
   * One source's gap in a section: the section's items are what could be read, and this says what
   * could not.
   *
   * @param source the source id, as in {@code sources[].id}
   * @param message what a clinician reads, naming the source and the section, never the content,
   *     e.g. "Riverside Medical Practice: 1 listed allergy could not be read"
   */
  @Serdeable
  public record IncompleteView(
      String source, String state, @Nullable Integer unreadableItems, String message) {}

  /**
   * The sections of the record, keyed by {@code Section.key()}. Every section is always present: a
   * section the viewer may not see is {@code withheld} with no items. Every section carries:
   *
   * <ul>
   *   <li>{@code notice}: when anything was withheld, plain words for causes that hold for every
   *       patient ("Not shared with pharmacists under sharing agreement …") and GP Connect's
   *       generic wording for causes specific to this patient, never counts or types;
   *   <li>{@code withheldReasons}: the causes as codes, {@code ROLE}, {@code PERMISSION_REQUIRED},
   *       {@code PATIENT_DISSENT}, {@code CONFIDENTIAL_AT_SOURCE}, {@code SENSITIVE};
   *   <li>{@code incomplete}: each source that answered the section but could not read all of it.
   * </ul>
   */
  @Serdeable
  public record Sections(
      AlertSection alerts,
      AllergySection allergies,
      MedicationSection medications,
      ProblemSection problems,
      EncounterSection encounters,
      ResultSection results,
      ImmunisationSection immunisations,
      DocumentSection documents,
      ReferralSection referrals,
      CareTeamSection careTeam,
      SocialCareSection socialCare) {}

  /** The alerts section: safeguarding, end of life, DNACPR, ReSPECT, violence markers. */
  @Serdeable
  public record AlertSection(
      boolean withheld,
      @Nullable String notice,
      List<AlertView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The problems section. */
  @Serdeable
  public record ProblemSection(
      boolean withheld,
      @Nullable String notice,
      List<ProblemView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The encounters section. */
  @Serdeable
  public record EncounterSection(
      boolean withheld,
      @Nullable String notice,
      List<EncounterView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The results section. */
  @Serdeable
  public record ResultSection(
      boolean withheld,
      @Nullable String notice,
      List<ResultView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The immunisations section. */
  @Serdeable
  public record ImmunisationSection(
      boolean withheld,
      @Nullable String notice,
      List<ImmunisationView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The documents section: metadata only; content is fetched on demand from {@code contentUrl}. */
  @Serdeable
  public record DocumentSection(
      boolean withheld,
      @Nullable String notice,
      List<DocumentView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The referrals section. */
  @Serdeable
  public record ReferralSection(
      boolean withheld,
      @Nullable String notice,
      List<ReferralView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The care team section: involved services, key workers and how to reach them. */
  @Serdeable
  public record CareTeamSection(
      boolean withheld,
      @Nullable String notice,
      List<CareTeamView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The social care section: care packages and their status. */
  @Serdeable
  public record SocialCareSection(
      boolean withheld,
      @Nullable String notice,
      List<SocialCareView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The allergies section; {@code state} drives the banner's allergy title. */
  @Serdeable
  public record AllergySection(
      boolean withheld,
      @Nullable String notice,
      String state,
      List<AllergyView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** The medications section. */
  @Serdeable
  public record MedicationSection(
      boolean withheld,
      @Nullable String notice,
      List<MedicationView> items,
      List<IncompleteView> incomplete,
      List<String> withheldReasons) {}

  /** A coded concept. */
  @Serdeable
  public record ConceptView(String system, String code, String display) {}

  /** Where an item came from. */
  @Serdeable
  public record ItemSource(String id, String name, String itemId) {}

  /**
   * Sources that recorded the same item differ on one clinically meaningful field; every source's
   * value is kept. The item's own value for the field is the first source's (the most recent).
   *
   * @param field the item view's JSON field name, e.g. {@code dosageText}, {@code status}
   * @param values every source's value, the shown one first
   */
  @Serdeable
  public record DifferenceView(String field, List<SourceValueView> values) {}

  /**
   * One source's value of a differing field.
   *
   * @param source the source id, as in the item's {@code sources[].id}
   * @param value as text: dates ISO 8601, reactions joined with ", "; null when the source records
   *     none
   */
  @Serdeable
  public record SourceValueView(String source, @Nullable String value) {}

  /** An allergy. */
  @Serdeable
  public record AllergyView(
      String id,
      ConceptView concept,
      String status,
      @Nullable LocalDate onsetDate,
      @Nullable LocalDate recordedDate,
      List<String> reactions,
      @Nullable String severity,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /**
   * A medication course. Its own values are the most recent source's (the first of {@code
   * sources}); each entry of {@code sources} also carries that source's own values, so a
   * reconciliation can show the GP's type and last issue, the pharmacy's last dispensing and the
   * hospital's discharge dose side by side.
   */
  @Serdeable
  public record MedicationView(
      String id,
      ConceptView concept,
      String status,
      String prescriptionType,
      @Nullable String dosageText,
      @Nullable String quantityText,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable LocalDate lastIssued,
      @Nullable String discontinuationReason,
      List<MedicationSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /**
   * Where a medication came from, as {@link ItemSource}, with what that source holds for it.
   *
   * @param values the medication as this source recorded it; only sources whose item the viewer may
   *     see are listed, so no withheld value appears here
   */
  @Serdeable
  public record MedicationSource(String id, String name, String itemId, MedicationValues values) {}

  /**
   * One source's own values for a medication, named as the medication's own fields.
   *
   * @param status {@code ACTIVE}, {@code COMPLETED} or {@code DISCONTINUED} at this source
   * @param prescriptionType {@code ACUTE}, {@code REPEAT}, {@code REPEAT_DISPENSING} or {@code
   *     UNKNOWN}
   * @param lastIssued the last issue at a GP; the last dispensing at a community pharmacy
   * @param discontinuationReason why this source stopped it, where it says
   */
  @Serdeable
  public record MedicationValues(
      String status,
      String prescriptionType,
      @Nullable String dosageText,
      @Nullable String quantityText,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable LocalDate lastIssued,
      @Nullable String discontinuationReason) {}

  /** An alert. */
  @Serdeable
  public record AlertView(
      String id,
      ConceptView concept,
      String kind,
      String status,
      @Nullable LocalDate recordedDate,
      @Nullable String note,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A problem or diagnosis. */
  @Serdeable
  public record ProblemView(
      String id,
      ConceptView concept,
      String status,
      String significance,
      @Nullable LocalDate onsetDate,
      @Nullable LocalDate endDate,
      @Nullable LocalDate recordedDate,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /**
   * A contact with a service.
   *
   * @param start the day it started, as the source recorded it
   * @param startTime the start with its time of day, ISO 8601 with the offset the source wrote
   *     ({@code 2024-03-12T23:50:00Z}); null when the source recorded only the day. Never made up
   *     from the date
   * @param endTime the end with its time of day, likewise; null when only the day, or no end
   */
  @Serdeable
  public record EncounterView(
      String id,
      ConceptView concept,
      String kind,
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      @Nullable OffsetDateTime startTime,
      @Nullable OffsetDateTime endTime,
      @Nullable String location,
      @Nullable String clinician,
      @Nullable String summary,
      @Nullable String dischargeDetails,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A test result, with the flag as the lab gave it. */
  @Serdeable
  public record ResultView(
      String id,
      ConceptView concept,
      @Nullable String value,
      @Nullable String unit,
      @Nullable String referenceRange,
      String flag,
      String status,
      @Nullable LocalDate effectiveDate,
      @Nullable String report,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A vaccination. */
  @Serdeable
  public record ImmunisationView(
      String id,
      ConceptView concept,
      String status,
      @Nullable LocalDate date,
      @Nullable String doseSequence,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /**
   * A document's metadata.
   *
   * @param time the document's date with its time of day, ISO 8601 with the offset the source
   *     wrote; null when the source dated it to the day only
   * @param contentUrl where the content is fetched (and audited) on demand, relative to the API
   */
  @Serdeable
  public record DocumentView(
      String id,
      ConceptView concept,
      String title,
      @Nullable LocalDate date,
      @Nullable OffsetDateTime time,
      @Nullable String author,
      @Nullable String contentType,
      String contentUrl,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A referral and its appointment. */
  @Serdeable
  public record ReferralView(
      String id,
      ConceptView concept,
      String status,
      @Nullable LocalDate requestedDate,
      @Nullable String recipient,
      @Nullable String priority,
      @Nullable LocalDate appointmentDate,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** Someone involved in the patient's care. */
  @Serdeable
  public record CareTeamView(
      String id,
      ConceptView concept,
      String memberName,
      @Nullable String organisation,
      @Nullable String contact,
      String status,
      @Nullable LocalDate startDate,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A social care package. */
  @Serdeable
  public record SocialCareView(
      String id,
      ConceptView concept,
      String description,
      String status,
      @Nullable LocalDate startDate,
      @Nullable LocalDate endDate,
      @Nullable String provider,
      List<ItemSource> sources,
      boolean conflict,
      List<DifferenceView> differences) {}

  /** A data-quality or safety warning. */
  @Serdeable
  public record WarningView(String code, String message) {}

  /** Who is viewing. */
  @Serdeable
  public record ViewerView(String userId, String name, String role, String organisation) {}
}
