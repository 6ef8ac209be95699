package org.bridgeway.events;

import java.time.Instant;
import java.util.UUID;

/** A case closed with an outcome, which closes the loop back to the screening. */
public record CaseClosed(
        UUID caseId, UUID screeningId, String studentRef, String boardId, String outcome, Instant closedAt) {}
