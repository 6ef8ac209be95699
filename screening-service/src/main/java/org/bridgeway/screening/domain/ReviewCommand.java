package org.bridgeway.screening.domain;

/** A reviewer's decision on a flagged screening: confirm (with a tier, 1 to 4) or dismiss. */
public record ReviewCommand(boolean confirm, Integer tier, String notes, boolean knownToStaff) {}
