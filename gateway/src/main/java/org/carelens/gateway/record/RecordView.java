package org.carelens.gateway.record;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The record response, {@code GET /api/v1/patients/{nhsNumber}/record}. Field names are a contract
 * (docs/api.md); add fields, never rename them.
 */
@Serdeable
public record RecordView(
    PatientView patient,
    List<SourceView> sources,
    Sections sections,
    List<WarningView> warnings,
    ViewerView viewer,
    Instant generatedAt) {

  /** Who the patient is; everything but the NHS number is null when no source gave an identity. */
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
      boolean restricted) {}

  /** A person's name. */
  @Serdeable
  public record NameView(String family, List<String> given, @Nullable String title) {}

  /** One source's status for this view. */
  @Serdeable
  public record SourceView(
      String id,
      String name,
      String status,
      long elapsedMs,
      boolean cached,
      @Nullable Instant retrievedAt,
      @Nullable String reason,
      @Nullable String detail) {}

  /** The sections of the record, keyed by section name. */
  @Serdeable
  public record Sections(AllergySection allergies, MedicationSection medications) {}

  /** The allergies section; {@code state} drives the banner's allergy title. */
  @Serdeable
  public record AllergySection(
      boolean withheld, @Nullable String notice, String state, List<AllergyView> items) {}

  /** The medications section. */
  @Serdeable
  public record MedicationSection(
      boolean withheld, @Nullable String notice, List<MedicationView> items) {}

  /** A coded concept. */
  @Serdeable
  public record ConceptView(String system, String code, String display) {}

  /** Where an item came from. */
  @Serdeable
  public record ItemSource(String id, String name, String itemId) {}

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
      boolean conflict) {}

  /** A medication course. */
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
      List<ItemSource> sources,
      boolean conflict) {}

  /** A data-quality or safety warning. */
  @Serdeable
  public record WarningView(String code, String message) {}

  /** Who is viewing. */
  @Serdeable
  public record ViewerView(String userId, String name, String role, String organisation) {}
}
