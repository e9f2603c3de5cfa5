package org.carelens.sdk.model;

import java.util.Set;

/**
 * One item in a section of the record. Every item carries where it came from, what it is (coded)
 * and its sensitivity labels, so merge and policy can work on any section alike.
 */
public sealed interface ClinicalItem
    permits AlertItem,
        AllergyItem,
        MedicationItem,
        ProblemItem,
        EncounterItem,
        ResultItem,
        ImmunisationItem,
        DocumentItem,
        ReferralItem,
        CareTeamItem,
        SocialCareItem {

  Section section();

  Provenance provenance();

  CodedConcept concept();

  Set<Sensitivity> sensitivity();
}
