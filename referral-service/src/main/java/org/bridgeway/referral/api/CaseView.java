package org.bridgeway.referral.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record CaseView(UUID id, UUID screeningId, String studentRef, String schoolId, Integer grade, int suggestedTier,
        List<String> needs, Map<String, String> domainBands, String status, Instant openedAt) {
}
