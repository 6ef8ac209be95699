package org.bridgeway.screening.store;

import java.time.LocalDate;

/**
 * What scoring needs to know of a student, read in bulk for a whole chunk of responses; a deactivated student
 * (left the board, see the roster) takes no new screenings.
 */
public record StudentFacts(
        String studentRef, String boardId, String schoolId, Integer grade, LocalDate birthMonth, boolean deactivated) {}
