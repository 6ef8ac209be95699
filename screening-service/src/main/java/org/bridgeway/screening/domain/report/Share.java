package org.bridgeway.screening.domain.report;

/** A published proportion (3 decimals), or {@code suppressed} when its part or its whole is small. */
public record Share(Double value, Boolean suppressed) {}
