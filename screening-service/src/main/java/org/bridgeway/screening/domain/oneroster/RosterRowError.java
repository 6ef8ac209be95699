package org.bridgeway.screening.domain.oneroster;

/**
 * Why a row of a OneRoster package was not applied: the file, its 1-based line (the header is line 1), the
 * column and what the value must be. Never the value itself: it may be a name or a birth date.
 */
public record RosterRowError(String file, int line, String field, String message) {}
