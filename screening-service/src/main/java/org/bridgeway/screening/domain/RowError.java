package org.bridgeway.screening.domain;

/** Why one row of a batch was not stored: its 1-based number, the field, the message. */
public record RowError(int row, String field, String message) {}
