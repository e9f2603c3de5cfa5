package org.carelens.policy;

/** Something the caller must do because of a decision. */
public enum Obligation {
  /** Show the generic "Items excluded due to confidentiality and/or patient preferences" notice. */
  SHOW_WITHHELD_NOTICE,
  /**
   * Ask the viewer to record the patient's permission to view (explicit share-in, Bradford model).
   */
  PROMPT_FOR_PERMISSION,
  /** Show that break-glass access is active, with its expiry. */
  SHOW_BREAK_GLASS_BANNER,
  /** Alert the privacy officer: break-glass was used. */
  NOTIFY_PRIVACY_OFFICER,
  /** Flag the access for IG review: the relationship was self-claimed. */
  FLAG_FOR_IG_REVIEW
}
