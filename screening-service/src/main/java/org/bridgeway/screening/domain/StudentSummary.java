package org.bridgeway.screening.domain;

/** A student as lists show one: the ref, school, grade and consent in force; never identity. */
public record StudentSummary(String studentRef, String schoolId, Integer grade, ConsentStatus consent) {}
