package org.bridgeway.screening.domain;

import java.time.Instant;

/** One line of the audit log as an administrator reads it. */
public record AuditRecord(
        long id,
        Instant at,
        String actor,
        String role,
        String action,
        String purpose,
        String studentRef,
        String detail) {}
