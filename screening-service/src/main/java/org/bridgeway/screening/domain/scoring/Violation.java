package org.bridgeway.screening.domain.scoring;

/** One thing wrong with an instrument or an answer set; {@code field} is a path such as {@code items[2].domain}. */
public record Violation(String field, String message) {}
