package org.bridgeway.screening.domain;

import java.time.LocalDate;
import java.util.List;

/** A consent to record for a student, and the entry it became. */
public record ConsentCommand(ConsentStatus status, String givenBy, List<String> scope, LocalDate givenOn) {

    public record Entry(
            String studentRef,
            ConsentStatus status,
            String givenBy,
            List<String> scope,
            LocalDate givenOn,
            java.time.Instant recordedAt,
            String recordedBy) {}
}
