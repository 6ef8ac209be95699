package org.bridgeway.screening.domain;

/**
 * A student as lists show one: the ref, school, grade, consent in force, and whether still on the roster
 * (false once the SIS deactivated them); never identity.
 */
public record StudentSummary(
        String studentRef, String schoolId, Integer grade, ConsentStatus consent, boolean active) {}
