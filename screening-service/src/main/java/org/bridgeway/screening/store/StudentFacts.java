package org.bridgeway.screening.store;

import java.time.LocalDate;

/** What scoring needs to know of a student, read in bulk for a whole chunk of responses. */
public record StudentFacts(String studentRef, String boardId, String schoolId, Integer grade, LocalDate birthMonth) {}
