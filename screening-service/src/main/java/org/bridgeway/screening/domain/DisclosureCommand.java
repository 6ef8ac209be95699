package org.bridgeway.screening.domain;

import java.time.LocalDate;

/** A request to disclose a student's identity for a stated purpose, and what is disclosed. */
public record DisclosureCommand(String purpose, String referralId) {

    public record Identity(
            String studentRef,
            String sisStudentId,
            String givenName,
            String familyName,
            LocalDate dateOfBirth,
            String schoolId,
            Integer grade) {}
}
