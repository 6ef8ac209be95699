package org.bridgeway.screening.domain.report;

/** A published count, or {@code suppressed} when it is small enough to single out a student. */
public record Cell(Long count, Boolean suppressed) {

    static final Cell SUPPRESSED = new Cell(null, true);

    static Cell shown(long count) {
        return new Cell(count, null);
    }
}
