package org.carelens.portal.gateway;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One source's own values for a medication (the API's {@code sources[].values}), named as the
 * medication's own fields.
 *
 * @param status {@code ACTIVE}, {@code COMPLETED} or {@code DISCONTINUED} at this source
 * @param prescriptionType {@code ACUTE}, {@code REPEAT}, {@code REPEAT_DISPENSING} or {@code
 *     UNKNOWN}
 * @param lastIssued the last issue at a GP practice; the last dispensing at a community pharmacy
 * @param discontinuationReason why this source stopped it, where it says
 */
@Serdeable
public record MedicationValues(
    @Nullable String status,
    @Nullable String prescriptionType,
    @Nullable String dosageText,
    @Nullable String quantityText,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    @Nullable LocalDate lastIssued,
    @Nullable String discontinuationReason) {}
