package org.bridgeway.screening.domain;

import java.time.LocalDate;

/** What is encrypted at rest and only leaves through the audited disclosure endpoint. */
public record StudentIdentity(String sisStudentId, String givenName, String familyName, LocalDate dateOfBirth) {}
