package org.carelens.sdk.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The sections of the shared record, in the order a clinician reads them. {@link #key()} is the
 * stable name used in the API and in sharing agreements.
 */
public enum Section {
  ALERTS("alerts"),
  ALLERGIES("allergies"),
  MEDICATIONS("medications"),
  PROBLEMS("problems"),
  ENCOUNTERS("encounters"),
  RESULTS("results"),
  IMMUNISATIONS("immunisations"),
  DOCUMENTS("documents"),
  REFERRALS("referrals"),
  CARE_TEAM("careTeam"),
  SOCIAL_CARE("socialCare");

  private final String key;

  Section(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static Optional<Section> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
