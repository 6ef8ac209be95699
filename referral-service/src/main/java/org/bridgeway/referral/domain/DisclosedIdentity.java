package org.bridgeway.referral.domain;

import java.time.LocalDate;

/** The student's identity as screening-service disclosed it for one referral; held only for the response. */
public record DisclosedIdentity(
        String studentRef,
        String sisStudentId,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String schoolId,
        Integer grade) {}
